import { useEffect, useState } from 'preact/hooks';
import { isOnline, onConnectivityChange } from './connectivity.ts';

/** Whether the server can be reached, as connectivity.ts last saw it; re-renders on every change. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline);
  useEffect(() => onConnectivityChange(setOnline), []);
  return online;
}
