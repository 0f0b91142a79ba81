// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLazyChunk } from '../../web/use-lazy-chunk.ts';
import { mount } from './screens/render.ts';

let screen: ReturnType<typeof mount> | undefined;
afterEach(() => {
  screen?.unmount();
  vi.useRealTimers();
});

function Probe({ load, wanted }: { load: () => Promise<string>; wanted: boolean }) {
  const chunk = useLazyChunk(load, wanted);
  return <p data-testid="probe">{chunk ?? 'waiting'}</p>;
}

describe('useLazyChunk', () => {
  it('loads nothing until wanted, then loads once', async () => {
    const load = vi.fn(async () => 'screens');
    screen = mount(<Probe load={load} wanted={false} />);
    await act(async () => undefined);
    expect(load).not.toHaveBeenCalled();
    await act(async () => {
      screen?.unmount();
      screen = mount(<Probe load={load} wanted />);
    });
    await vi.waitFor(() => expect(screen?.byTestId('probe').textContent).toBe('screens'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after two seconds while the chunk cannot be fetched', async () => {
    vi.useFakeTimers();
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue('screens');
    screen = mount(<Probe load={load} wanted />);
    await act(async () => undefined);
    expect(screen.byTestId('probe').textContent).toBe('waiting');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1999);
    });
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => undefined);
    expect(screen.byTestId('probe').textContent).toBe('screens');
  });
});
