import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationFailed } from '../common/errors/app-error.js';
import { flatten } from '../common/validation/validation.pipe.js';
import { SoisyCallbackDto } from './dto/soisy-callback.dto.js';

/**
 * Reads a callback body. Not the global pipe: that one refuses unknown fields, and a callback
 * must not be refused because Soisy added one. Unknown fields are dropped instead.
 */
export function readCallbackPayload(body: unknown): SoisyCallbackDto {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailed([{ field: 'body', message: 'the callback must be a form or a JSON object' }]);
  }
  const payload = plainToInstance(SoisyCallbackDto, body);
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: false, stopAtFirstError: true });
  if (errors.length > 0) throw new ValidationFailed(flatten(errors), 'The callback has invalid fields.');
  return payload;
}
