import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BackOfficeGuard } from './back-office.guard.js';

/** A route for the merchant's back office: API key required, documented as such. */
export function BackOffice(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(BackOfficeGuard),
    ApiTags('back-office'),
    ApiBearerAuth('back-office'),
    ApiUnauthorizedResponse({ description: 'Missing or wrong API key (problem+json).' }),
  );
}
