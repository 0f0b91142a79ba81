export { createSimulator } from './create-simulator.ts';
export type { Simulator, SimulatorOptions } from './create-simulator.ts';
export { startSimulator } from './start-simulator.ts';
export type { RunningSimulator } from './start-simulator.ts';
export type { SimClock } from './clock.ts';
export type { SimulatorState } from './state.ts';
export type { WalletView, IssuedCode, CodeView, TransactionView, PaymentView, SimTransactionStatus } from './state-views.ts';
export type { FaultSpec, FaultView, FaultKind } from './faults.ts';
export type { WriteOverlap, WalletWrite } from './write-overlaps.ts';
