import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one POST (https://www.standardwebhooks.com): `webhook-id` (the
 * event id, stable across retries), `webhook-timestamp` (seconds), and `webhook-signature`, one
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per active secret, space-separated, so a receiver
 * holding either secret verifies it during a rotation. Signing is the maintained library's, not ours.
 */
export function signatureHeaders(secrets: readonly string[], id: string, at: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
