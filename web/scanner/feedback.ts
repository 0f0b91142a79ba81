/** The beep and buzz that tell a cashier, who is looking at the customer's phone, that the code was read. */

export interface ReadFeedback {
  signal(): void;
  close(): void;
}

const beepHz = 1800;
const beepSeconds = 0.09;
const vibrateMs = 60;

export function createReadFeedback(settings: { sound: boolean; vibration: boolean } = { sound: true, vibration: true }): ReadFeedback {
  // Created when scanning starts, after the cashier has tapped the page, so autoplay rules allow it; beep() resumes it where a browser still starts it suspended.
  const audio = settings.sound && typeof AudioContext === 'function' ? new AudioContext() : undefined;
  return {
    signal() {
      if (settings.vibration && typeof navigator.vibrate === 'function') navigator.vibrate(vibrateMs);
      if (audio) beep(audio);
    },
    close() {
      void audio?.close();
    },
  };
}

function beep(audio: AudioContext): void {
  if (audio.state === 'suspended') void audio.resume();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const start = audio.currentTime;
  oscillator.type = 'square';
  oscillator.frequency.value = beepHz;
  // A short ramp at both ends avoids the click of a hard start and stop.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.15, start + 0.005);
  gain.gain.setValueAtTime(0.15, start + beepSeconds - 0.01);
  gain.gain.linearRampToValueAtTime(0, start + beepSeconds);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + beepSeconds);
}
