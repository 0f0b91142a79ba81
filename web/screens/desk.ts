/** The cash desk's screens (shifts and Z-reports), a chunk of their own: a cashier mid-payout never waits for it. */
export { ShiftCloseScreen } from './shift-close.tsx';
export { ShiftScreen } from './shift-current.tsx';
export { ShiftOpenScreen } from './shift-open.tsx';
export { ShiftsScreen } from './shifts.tsx';
export { ZReportScreen } from './z-report.tsx';
