/** Screens needed only after sign-in, loaded as one chunk so the first paint stays small. */
export { CheckingScreen } from './checking.tsx';
export { ErrorScreen } from './error.tsx';
export { GiveCashScreen } from './give-cash.tsx';
export { HistoryScreen } from './history.tsx';
export { ReportScreen } from './report.tsx';
export { ScanScreen } from './scan.tsx';
export { SettingsScreen } from './settings.tsx';
export { VerifyScreen } from './verify.tsx';
