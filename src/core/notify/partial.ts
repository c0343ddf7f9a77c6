/** A delivery that reached some recipients (or handlers) and not others: the runner keeps `done` for the retry. */
export class PartialDelivery extends Error {
  constructor(message: string, readonly done: string[]) {
    super(message);
  }
}
