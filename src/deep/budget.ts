/** Bytes deep mode may download, per image and per run (trusted-side settings only). */
export interface DeepBudgets {
  imageBytes: number;
  runBytes: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_DEEP_BUDGETS: DeepBudgets = { imageBytes: 64 * MiB, runBytes: 512 * MiB };

/** Counts what deep mode downloads, per image (canonical reference) and for the run. */
export class ByteMeter {
  readonly budgets: DeepBudgets;
  readonly #perImage = new Map<string, number>();
  #total = 0;

  constructor(budgets: DeepBudgets) {
    this.budgets = budgets;
  }

  get total(): number {
    return this.#total;
  }

  spentOn(image: string): number {
    return this.#perImage.get(image) ?? 0;
  }

  /** Bytes `image` may still download: the smaller of what is left of its budget and of the run's. */
  allowance(image: string): number {
    return Math.max(
      0,
      Math.min(this.budgets.imageBytes - this.spentOn(image), this.budgets.runBytes - this.#total),
    );
  }

  /** Which budget an allowance of 0 comes from. */
  exhausted(image: string): 'image' | 'run' {
    return this.budgets.runBytes - this.#total <= this.budgets.imageBytes - this.spentOn(image)
      ? 'run'
      : 'image';
  }

  spend(image: string, bytes: number): void {
    this.#perImage.set(image, this.spentOn(image) + bytes);
    this.#total += bytes;
  }
}
