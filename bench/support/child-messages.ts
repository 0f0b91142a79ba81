/** The IPC protocol between a benchmark and its server child process (server-process.ts). */

export interface ServerChildInfo {
  origin: string;
  /** Where the Wallet API stand-in and its /__control API answer. */
  simulatorOrigin: string;
  cashier?: { username: string; password: string };
}

export type ChildRequest = { type: 'memory' } | { type: 'close' };

export type ChildReply = { type: 'ready'; info: ServerChildInfo } | { type: 'memory'; usage: NodeJS.MemoryUsage };
