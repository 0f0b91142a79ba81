/**
 * The signal that Paysera has confirmed and the cash may now be handed over: a rising three-note
 * chime and a long-short-long buzz, so that a cashier who has heard the scanner's single high
 * beep (scanner/feedback.ts) many times a day cannot mistake one for the other.
 */

export interface SuccessFeedbackSettings {
  successSound: boolean;
  successVibration: boolean;
}

export const successVibrationPattern: readonly number[] = [180, 80, 60, 80, 180];

/** C6, E6, G6: a major triad, well below the scan beep's 1800 Hz square wave. */
const chimeHz = [1047, 1319, 1568] as const;
const noteSeconds = 0.12;
const tailSeconds = 0.3;

export function playSuccessFeedback(settings: SuccessFeedbackSettings): void {
  if (settings.successVibration && typeof navigator.vibrate === 'function') navigator.vibrate([...successVibrationPattern]);
  if (settings.successSound && typeof AudioContext === 'function') chime(new AudioContext());
}

function chime(audio: AudioContext): void {
  // The cashier has just tapped Confirm, so the page may start audio; resume() covers a browser that starts it suspended anyway.
  if (audio.state === 'suspended') void audio.resume();
  const start = audio.currentTime;
  chimeHz.forEach((hz, index) => {
    const at = start + index * noteSeconds;
    const last = index === chimeHz.length - 1;
    const end = at + (last ? tailSeconds : noteSeconds);
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = hz;
    // Short ramps at both ends avoid the click of a hard start and stop.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.2, at + 0.01);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(end);
    if (last) oscillator.onended = () => void audio.close();
  });
}
