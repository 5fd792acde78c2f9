import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-document.js';

export class FieldErrorDto {
  /** The field's dotted path in the request, e.g. `customer.fiscalCode`, or a header name. */
  @ApiProperty({ example: 'customer.fiscalCode' })
  field!: string;

  @ApiProperty({ example: 'fiscalCode must be a valid Italian fiscal code (codice fiscale)' })
  message!: string;
}

/** RFC 9457 problem document: every error of this service, as `application/problem+json`. */
export class ProblemDocumentDto {
  /** `urn:soisy-bff:problem:<code>`, stable for programs to branch on. */
  @ApiProperty({ example: 'urn:soisy-bff:problem:request.invalid' })
  type!: string;

  @ApiProperty({ example: 'Bad request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields.' })
  detail!: string;

  /** The same stable code as in `type`. */
  @ApiProperty({ example: 'REQUEST.INVALID' })
  code!: string;

  /** Present on validation errors: one entry per refused field. */
  errors?: FieldErrorDto[];
}

/** An example problem document for the OpenAPI explorer. */
export function problemExample(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  const titles: Record<number, string> = {
    400: 'Bad request', 404: 'Not found', 409: 'Conflict', 422: 'Unprocessable entity', 502: 'Bad gateway', 504: 'Gateway timeout',
  };
  return { type: problemType(code), title: titles[status] ?? 'Error', status, detail, code, ...extra };
}

/** The example of a 400 for one bad field (`errors: [{field, message}]`), as the validation pipe answers it. */
export function invalidFieldExample(field: string, message: string) {
  return problemExample(400, 'REQUEST.INVALID', 'The request has invalid fields.', { errors: [{ field, message }] });
}

export interface ProblemExamples {
  [name: string]: ReturnType<typeof problemExample>;
}

/** A response header an error may carry, e.g. `Retry-After`. */
export interface ProblemHeader {
  description: string;
  schema: { type: 'integer' | 'string'; example?: unknown };
}

/** Documents one error status of a route as a problem document, with named examples (and headers some of them carry). */
export function ApiProblem(status: number, description: string, examples: ProblemExamples, headers?: Record<string, ProblemHeader>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDocumentDto, FieldErrorDto),
    ApiResponse({
      status,
      description,
      ...(headers ? { headers } : {}),
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: getSchemaPath(ProblemDocumentDto) },
          examples: Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }])),
        },
      },
    }),
  );
}
