import { addBusinessMinutes, businessMinutesBetween, type BusinessHours, type ClosedDates } from "@/lib/triage/clock/business-hours";

// The first-contact target: `targetMinutes` of business time after arrival
// (an inquiry at 16:55 on a Friday with a 15-minute target is due at 09:10 on
// Monday). "met"/"missed" once someone has tried to make contact;
// "running"/"overdue" while nobody has.
export type ResponseClock = {
  deadline: Date;
  state: "met" | "missed" | "running" | "overdue";
  // Business minutes left before the deadline (negative: overdue by that
  // much), or the business minutes it took, once contacted.
  minutes: number;
};

export function responseClock(options: {
  receivedAt: Date;
  firstContactAt: Date | null;
  now: Date;
  targetMinutes: number;
  timeZone: string;
  hours: BusinessHours;
  closedDates?: ClosedDates;
}): ResponseClock {
  const zone = { timeZone: options.timeZone, hours: options.hours, closedDates: options.closedDates };
  const deadline = addBusinessMinutes({ from: options.receivedAt, minutes: options.targetMinutes, ...zone });
  if (options.firstContactAt) {
    const taken = businessMinutesBetween({ from: options.receivedAt, to: options.firstContactAt, ...zone });
    return { deadline, state: options.firstContactAt <= deadline ? "met" : "missed", minutes: Math.round(taken) };
  }
  if (options.now <= deadline) {
    return { deadline, state: "running", minutes: Math.round(businessMinutesBetween({ from: options.now, to: deadline, ...zone })) };
  }
  return { deadline, state: "overdue", minutes: -Math.round(businessMinutesBetween({ from: deadline, to: options.now, ...zone })) };
}
