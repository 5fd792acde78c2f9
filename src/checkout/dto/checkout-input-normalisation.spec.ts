import type { ArgumentMetadata } from '@nestjs/common';
import { ValidationFailed } from '../../common/errors/app-error.js';
import { createValidationPipe } from '../../common/validation/validation.pipe.js';
import { ApprovalDto } from './approval.dto.js';
import { CreateOrderDto } from './create-order.dto.js';
import { LoanRequestDto } from './loan-request.dto.js';

const pipe = createValidationPipe();
const approval = { email: 'mario.rossi@example.com', firstname: 'Mario', lastname: 'Rossi', mobilePhone: '3331234567', address: 'Via Roma', streetNumber: '12', city: 'Milano', province: 'MI', postalCode: '20121', citizenship: 'italian' };

async function parse<T>(metatype: new () => T, body: Record<string, unknown>): Promise<T> {
  return pipe.transform(body, { type: 'body', metatype } as ArgumentMetadata) as Promise<T>;
}

async function fieldErrors(metatype: new () => unknown, body: Record<string, unknown>): Promise<Record<string, string>> {
  try {
    await parse(metatype, body);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    return Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field, message]));
  }
}

describe('Checkout input, normalised at the edge', () => {
  it('turns an approval typed with autofill spaces, lower case and a spelled phone into what Soisy takes', async () => {
    const dto = await parse(ApprovalDto, {
      ...approval, email: ' Mario.Rossi@Example.COM ', firstname: 'Mario ', city: ' Milano', province: 'mi ', postalCode: '20121 ',
      mobilePhone: '0039 333 123 4567', address: ' Via 20 Settembre ', streetNumber: ' 15 ',
    });
    expect(dto).toMatchObject({
      email: 'Mario.Rossi@example.com', firstname: 'Mario', city: 'Milano', province: 'MI', postalCode: '20121',
      mobilePhone: '3331234567', countryCallingCode: '+39', address: 'Via 20 Settembre', streetNumber: '15',
    });
  });

  it('sends a foreign mobile with its own calling code', async () => {
    expect(await parse(ApprovalDto, { ...approval, mobilePhone: '+41 79 123 45 67' })).toMatchObject({ mobilePhone: '791234567', countryCallingCode: '+41' });
    expect(await parse(ApprovalDto, { ...approval, mobilePhone: '79 123 45 67', countryCallingCode: '41' })).toMatchObject({ mobilePhone: '791234567', countryCallingCode: '+41' });
  });

  it('names the field and says what to change when an approval cannot be used', async () => {
    expect(await fieldErrors(ApprovalDto, { ...approval, mobilePhone: '06 1234567' })).toEqual({
      mobilePhone: 'mobilePhone must be a mobile number (Soisy sends it a text message); this is a landline or service number',
    });
    expect(await fieldErrors(ApprovalDto, { ...approval, province: 'XX' })).toEqual({ province: 'province must be the two-letter code (sigla) of an Italian province, e.g. MI or RM' });
    expect(await fieldErrors(ApprovalDto, { ...approval, address: 'Via Roma 12', streetNumber: undefined })).toMatchObject({
      address: 'address ends with a civic number: put it in streetNumber and the street alone in address (e.g. Via Roma and 12)',
    });
    expect(await fieldErrors(ApprovalDto, { ...approval, countryCallingCode: '+999' })).toEqual({ countryCallingCode: 'countryCallingCode must be a country calling code, e.g. +39' });
    expect(await fieldErrors(ApprovalDto, { ...approval, firstname: '   ' })).toEqual({ firstname: 'firstname should not be empty' });
  });

  it('applies the same rules to the customer of a new order', async () => {
    const dto = await parse(CreateOrderDto, {
      amount: 100000, orderReference: 'ORD-1',
      customer: { fiscalCode: 'bncgli88m52h501h ', mobilePhone: '+39 333 1234567', province: 'mi', postalCode: ' 20121', address: 'Corso 22 Marzo' },
    });
    expect(dto.customer).toMatchObject({ fiscalCode: 'BNCGLI88M52H501H', mobilePhone: '3331234567', countryCallingCode: '+39', province: 'MI', postalCode: '20121', address: 'Corso 22 Marzo' });
    expect(await fieldErrors(CreateOrderDto, { amount: 100000, orderReference: 'ORD-1', customer: { address: 'Via Roma 12' } })).toEqual({
      'customer.address': 'address ends with a civic number: put it in civicNumber and the street alone in address (e.g. Via Roma and 12)',
    });
  });

  it('leaves a new order without a phone without a calling code', async () => {
    const dto = await parse(CreateOrderDto, { amount: 100000, orderReference: 'ORD-1', customer: { firstname: 'Mario' } });
    expect(dto.customer?.countryCallingCode).toBeUndefined();
    expect(dto.customer?.mobilePhone).toBeUndefined();
  });

  it('upper-cases the fiscal code and VAT country of a loan request and removes the spaces of its VAT number', async () => {
    const dto = await parse(LoanRequestDto, { instalments: 12, privacy: true, fiscalCode: ' BNCGLI 88M52 H501H', jobDescription: 'entrepreneur', vatId: '011 146 010 06 ', vatCountry: ' it' });
    expect(dto).toMatchObject({ fiscalCode: 'BNCGLI88M52H501H', vatId: '01114601006', vatCountry: 'IT' });
  });
});
