/**
 * The JSON body of a fetch answer, typed as its producer declares it.
 *
 * Node types `Response.json()` as `unknown`. A test names the type the producer itself exports (the
 * emulator's `LoggedCall` or `Order`, the service's response DTOs), so that reading a field that does
 * not exist fails the typecheck instead of yielding an `undefined` no assertion can catch; the values
 * are then checked at run time by the assertions that follow. The one unchecked step lives here.
 */
export async function jsonOf<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}
