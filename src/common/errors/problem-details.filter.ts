import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorKind, ValidationFailed } from './app-error.js';
import { DatabaseUnavailable, databaseUnavailableReason, isDatabaseUnavailable } from './database-unavailable.js';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, problemType } from './problem-document.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  upstream: HttpStatus.BAD_GATEWAY,
  upstream_timeout: HttpStatus.GATEWAY_TIMEOUT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Turns every error, ours or the framework's, into `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const error = asAppError(exception);
    const problem = this.toProblem(error);
    if (error instanceof DatabaseUnavailable) {
      // Expected while the database restarts: one line with the reason's code, never the driver's message.
      this.logger.warn({ path: request?.routeOptions?.url, reason: databaseUnavailableReason(exception) }, 'Database unavailable');
    } else if (problem.status >= 500 && !(error instanceof AppError) && !isDeliberate503(error)) {
      this.logger.error({ err: exception, path: request?.routeOptions?.url }, 'Unhandled error');
    }
    if (error instanceof AppError) reply.headers(error.headers);
    reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  toProblem(thrown: unknown): ProblemDocument {
    const exception = asAppError(thrown);
    if (exception instanceof AppError) {
      const status = STATUS_BY_KIND[exception.kind];
      return {
        ...exception.extensions,
        type: problemType(exception.code),
        title: titleOf(status),
        status,
        detail: exception.detail,
        code: exception.code,
        ...(exception.fieldErrors.length > 0 ? { errors: [...exception.fieldErrors] } : {}),
      };
    }
    const status = statusOf(exception);
    const code = `HTTP.${status}`;
    return { type: problemType(code), title: titleOf(status), status, detail: detailOf(exception, status), code };
  }
}

/** Our own errors as they are; a database outage, however the driver phrased it, as DATABASE.UNAVAILABLE. */
function asAppError(exception: unknown): unknown {
  if (isFormProtoRefusal(exception)) return FORM_PROTO_REFUSED;
  if (exception instanceof AppError || !isDatabaseUnavailable(exception)) return exception;
  return new DatabaseUnavailable();
}

/**
 * Nest's form-urlencoded parser refuses a `__proto__` key with this BadRequestException; answer it as
 * the JSON parser's refusal is answered (common/http/body-parsers.ts), naming the key.
 */
const FORM_PROTO_REFUSED = new ValidationFailed([{ field: '__proto__', message: '__proto__ is not allowed' }], 'The request body uses __proto__, which is not allowed.');
function isFormProtoRefusal(exception: unknown): boolean {
  return exception instanceof HttpException && exception.getStatus() === HttpStatus.BAD_REQUEST && exception.message === 'Object contains forbidden prototype property';
}

/** A 503 thrown on purpose (readiness while draining or while the database is down) is a state, not a bug. */
function isDeliberate503(exception: unknown): boolean {
  return exception instanceof HttpException && exception.getStatus() === HttpStatus.SERVICE_UNAVAILABLE;
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // Fastify's own errors (malformed JSON, body too large, unsupported media type) carry a 4xx statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return statusCode;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

function detailOf(exception: unknown, status: number): string {
  if (status >= 500) return 'The service could not complete the request; it has been logged.';
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  const { code, message } = exception as { code?: unknown; message?: unknown };
  if (code === 'RATE_LIMITED' && typeof message === 'string') return message;
  return FASTIFY_DETAILS[String(code)] ?? titleOf(status);
}

const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its content type is JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request content type is not supported.',
  FST_ERR_BAD_URL: 'The request URL is malformed.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long.',
};

function titleOf(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return 'Error';
  return name.charAt(0) + name.slice(1).toLowerCase().replaceAll('_', ' ');
}
