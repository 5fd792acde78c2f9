/**
 * Options of the standalone emulator from environment variables (see README.md § Configuration).
 * Shops: `EMULATOR_SHOPS=partnershop:partnerkey,othershop:otherkey` or a JSON array of ShopConfig.
 */
import { DEFAULT_SHOP, type EmulatorOptions, type Limits, type ProfileName, PROFILES, type ShopConfig } from './config.js';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

function parseShops(raw: string): ShopConfig[] {
  if (raw.trim().startsWith('[')) {
    return (JSON.parse(raw) as Partial<ShopConfig>[]).map((shop) => ({ ...DEFAULT_SHOP, ...shop }) as ShopConfig);
  }
  return raw.split(',').filter(Boolean).map((pair) => {
    const [id, token] = pair.trim().split(':');
    if (!id || !token) throw new Error(`EMULATOR_SHOPS entry "${pair}" must be shopId:token`);
    return { ...DEFAULT_SHOP, id, token };
  });
}

function profile(raw: string | undefined): ProfileName | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!(raw in PROFILES)) throw new Error(`EMULATOR_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}`);
  return raw as ProfileName;
}

export function optionsFromEnv(env: Env): Partial<EmulatorOptions> {
  const limits: Partial<Limits> = {
    minAmount: integer(env, 'EMULATOR_MIN_AMOUNT'),
    maxAmount: integer(env, 'EMULATOR_MAX_AMOUNT'),
    minInstalments: integer(env, 'EMULATOR_MIN_INSTALMENTS'),
    maxInstalments: integer(env, 'EMULATOR_MAX_INSTALMENTS'),
  };
  const strict = env.EMULATOR_FISCAL_CODE_CHECK;
  if (strict && strict !== 'format' && strict !== 'strict') throw new Error('EMULATOR_FISCAL_CODE_CHECK must be format or strict');
  return {
    port: integer(env, 'EMULATOR_PORT') ?? 4010,
    host: env.EMULATOR_HOST || '0.0.0.0',
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    profile: profile(env.EMULATOR_PROFILE),
    limits: Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)),
    shops: env.EMULATOR_SHOPS ? parseShops(env.EMULATOR_SHOPS) : undefined,
    fiscalCodeCheck: (strict || undefined) as EmulatorOptions['fiscalCodeCheck'] | undefined,
    approvalLimit: integer(env, 'EMULATOR_APPROVAL_LIMIT'),
    additionalDataThreshold: integer(env, 'EMULATOR_ADDITIONAL_DATA_THRESHOLD'),
    callbackTimeoutMs: integer(env, 'EMULATOR_CALLBACK_TIMEOUT_MS'),
    callbackTimeZone: env.EMULATOR_CALLBACK_TIME_ZONE || undefined,
    requestLogLimit: integer(env, 'EMULATOR_REQUEST_LOG_LIMIT'),
    logger: env.EMULATOR_LOG === '1' || env.EMULATOR_LOG === 'true',
    tls: env.EMULATOR_TLS === '1' || env.EMULATOR_TLS === 'true',
    keepAliveTimeoutMs: integer(env, 'EMULATOR_KEEP_ALIVE_MS'),
  };
}
