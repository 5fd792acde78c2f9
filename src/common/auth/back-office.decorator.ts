import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiProblem, problemExample } from '../errors/problem-document.dto.js';
import { BackOfficeGuard } from './back-office.guard.js';

/** A route for the merchant's back office: API key required, documented as such. */
export function BackOffice(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(BackOfficeGuard),
    ApiTags('back-office'),
    ApiBearerAuth('back-office'),
    ApiProblem(401, 'Missing or wrong API key', {
      unauthorized: problemExample(401, 'AUTH.UNAUTHORIZED', 'A valid back-office API key is required (Authorization: Bearer <key>).', { title: 'Unauthorized' }),
    }),
  );
}
