import { firstDay, isoDay, type DaySpan } from './dates.js';

/** The toolbar's day controls: a range over the drawing's days, a date field, "All days". */
export interface DayControls {
  readonly range: HTMLInputElement;
  /** Shows the slider's day (empty for all days) and takes a day typed. */
  readonly date: HTMLInputElement;
  readonly allDays: HTMLButtonElement;
}

/**
 * The time slider. Days are counted from 1970-01-01 (dates.ts); `onDay` hears every change,
 * undefined meaning every day.
 */
export class DaySlider {
  private current: number | undefined;

  constructor(
    private readonly controls: DayControls,
    private readonly onDay: (day: number | undefined) => void,
  ) {
    controls.range.addEventListener('input', () => {
      this.slideTo(Number(controls.range.value));
    });
    controls.date.addEventListener('change', () => {
      this.goToDate();
    });
    controls.allDays.addEventListener('click', () => {
      this.showAllDays();
    });
  }

  /** The day shown, or undefined for every day. */
  get day(): number | undefined {
    return this.current;
  }

  /** Spans `window` and shows every day; with no dates to slide over, disables itself. */
  setUp(window: DaySpan): void {
    const { range, date } = this.controls;
    const { first, last } = window;
    this.showAllDays();
    if (first === undefined || last === undefined || last < first) {
      range.disabled = true;
      date.disabled = true;
      date.title = 'No dates to slide over';
      return;
    }
    range.disabled = false;
    range.min = String(first);
    range.max = String(last);
    range.value = String(first);
    date.disabled = false;
    date.min = isoDay(first);
    date.max = isoDay(last);
  }

  private showAllDays(): void {
    const { date, allDays } = this.controls;
    this.current = undefined;
    date.value = '';
    date.title = 'All days: move the slider or type a day';
    allDays.disabled = true;
    this.onDay(undefined);
  }

  private slideTo(day: number): void {
    const { date, allDays } = this.controls;
    this.current = day;
    date.value = isoDay(day);
    date.title = `Reached on ${isoDay(day)}: the rest is dimmed`;
    allDays.disabled = false;
    this.onDay(day);
  }

  /** A day typed in the date field: the slider moves there (to its nearest end when outside). */
  private goToDate(): void {
    const { range, date } = this.controls;
    const typed = firstDay(date.value);
    if (typed === undefined) return;
    const day = Math.min(Number(range.max), Math.max(Number(range.min), typed));
    range.value = String(day);
    this.slideTo(day);
  }
}
