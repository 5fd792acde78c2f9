/** Everything the emulator can be told at start. Defaults mirror Soisy's public sandbox today. */

export interface ShopConfig {
  id: string;
  token: string;
  /** Shown by shop info; an inactive shop's approvals get "This sales point cannot apply for a loan". */
  active: boolean;
  /** The shop's default when a call omits `zeroInterestRate`. */
  zeroInterestRate: boolean;
  /** Per-shop instalment cap (Soisy's `maxLoanInstalmentsNumber`); never above the profile's maximum. */
  maxLoanInstalmentsNumber?: number;
}

export interface Limits {
  minAmount: number;
  maxAmount: number;
  minInstalments: number;
  maxInstalments: number;
}

export type ProfileName = 'current' | 'legacy';

/** `legacy` is what Soisy's sandbox enforced in 2019–2021. */
export const PROFILES: Record<ProfileName, Limits> = {
  current: { minAmount: 10000, maxAmount: 1500000, minInstalments: 3, maxInstalments: 60 },
  legacy: { minAmount: 25000, maxAmount: 1500000, minInstalments: 3, maxInstalments: 36 },
};

export interface EmulatorOptions {
  port: number;
  host: string;
  /** Base of the URLs handed out (redirectUrl); defaults to the address the server listens on. */
  publicUrl?: string;
  profile: ProfileName;
  /** Overrides single limits of the profile. */
  limits: Partial<Limits>;
  shops: ShopConfig[];
  /** `format`: shape only (Soisy's own sample codes fail the check character); `strict`: also the check character. */
  fiscalCodeCheck: 'format' | 'strict';
  /** Sandbox rule: an approval for more than this many cents is refused. */
  approvalLimit: number;
  /** A loan request for more than this many cents answers `additionalDataNeeded: true`. */
  additionalDataThreshold: number;
  callbackTimeoutMs: number;
  /** Time zone of the callbacks' `eventDate` (`YYYY-MM-DD HH:mm:ss`, as Soisy's plugins parse it). */
  callbackTimeZone: string;
  /** Day of the month the shopper pays, reported by approvals. */
  paymentDayOfMonth: number;
  /** How many API calls the call log keeps (the oldest are forgotten first). */
  requestLogLimit: number;
  logger: boolean;
  /**
   * Serve HTTPS: `true` with a self-signed certificate made at start (RunningEmulator.certificatePem),
   * or with the key and certificate given (a test that must trust it before the emulator starts).
   */
  tls?: boolean | { key: string; cert: string };
  /** How long the server keeps an idle keep-alive connection (Node's default: 5000). */
  keepAliveTimeoutMs?: number;
}

export const DEFAULT_SHOP: ShopConfig = { id: 'partnershop', token: 'partnerkey', active: true, zeroInterestRate: false };

export const DEFAULT_OPTIONS: EmulatorOptions = {
  port: 4010,
  host: '127.0.0.1',
  profile: 'current',
  limits: {},
  shops: [DEFAULT_SHOP],
  fiscalCodeCheck: 'format',
  approvalLimit: 1000000,
  additionalDataThreshold: 500000,
  callbackTimeoutMs: 2000,
  callbackTimeZone: 'Europe/Rome',
  paymentDayOfMonth: 15,
  requestLogLimit: 10000,
  logger: false,
};

export function resolveOptions(partial: Partial<EmulatorOptions> = {}): EmulatorOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_OPTIONS, ...defined } as EmulatorOptions;
}

export function limitsOf(options: EmulatorOptions): Limits {
  return { ...PROFILES[options.profile], ...options.limits };
}

/** Instalment range a shop may offer: the profile's, capped by the shop's own maximum. */
export function shopLimits(options: EmulatorOptions, shop: ShopConfig): Limits {
  const limits = limitsOf(options);
  const cap = shop.maxLoanInstalmentsNumber;
  return cap === undefined ? limits : { ...limits, maxInstalments: Math.min(limits.maxInstalments, cap) };
}
