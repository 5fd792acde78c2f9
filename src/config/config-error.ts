/** A configuration problem, phrased so it can be printed as is: names the variable, never its value. */
export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Invalid configuration: ${variable} ${reason}`);
  }
}
