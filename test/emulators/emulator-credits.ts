// An account balance the way the billing vendors keep it: a create is charged in full when it is
// accepted, and a create the balance cannot cover takes nothing (the vendor answers 402 in its
// own words). Infinity is the default so only tests about money have to think about it.

export class CreditAccount {
  constructor(private left: number = Infinity) {}

  get balance(): number {
    return this.left;
  }

  set(balance: number): void {
    this.left = balance;
  }

  /** Takes `cost` and answers true when the balance covers it; otherwise takes nothing. */
  charge(cost: number): boolean {
    if (this.left < cost) return false;
    this.left -= cost;
    return true;
  }
}
