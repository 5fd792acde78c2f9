/** `@IsInt(CENTS)` on integer euro-cent fields: the message says the unit ("amount must be an integer number of cents"). */
export const CENTS = { message: '$property must be an integer number of cents' } as const;
