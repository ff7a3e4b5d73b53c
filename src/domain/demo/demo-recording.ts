/** Where the demo seed points the demo contacts' `recording_url`; the server generates the file on request. */
export const DEMO_RECORDING_URL = '/api/v1/qa/demo-recording.wav';

/**
 * A stand-in recording for the demo center, so the evaluation page's player has something to play offline:
 * a mono 8 kHz, 8-bit PCM WAV (the telephone rate; 8 kB a second) of short "syllables" — tones with a soft
 * attack and decay at speech-like pitches — separated by pauses, two alternating voices (agent, caller).
 *
 * WAV layout (RIFF, Microsoft's "Multimedia Programming Interface and Data Specifications 1.0", 1991): a
 * 44-byte header — "RIFF", size − 8, "WAVE", a 16-byte "fmt " chunk (PCM = 1, channels, sample rate, byte
 * rate, block align, bits per sample), then "data" and its size — followed by unsigned 8-bit samples
 * (128 = silence).
 *
 * @example demoRecordingWav(12).length // 44 + 12 · 8000 = 96 044 bytes
 */
export function demoRecordingWav(seconds = 12, sampleRate = 8000): Uint8Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Uint8Array(44 + n);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + n, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // byte rate = rate · channels · 1 byte
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, n, true);
  // Syllables of 0.18 s every 0.25 s in phrases of 2 s, a 0.5 s pause between phrases; voices alternate.
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const phrase = Math.floor(t / 2.5);
    const inPhrase = t - phrase * 2.5;
    let v = 0;
    if (inPhrase < 2) {
      const syllable = Math.floor(inPhrase / 0.25);
      const s = inPhrase - syllable * 0.25;
      if (s < 0.18) {
        const base = phrase % 2 === 0 ? 220 : 320;
        const f = base * (1 + (0.12 * (((syllable * 7 + phrase * 3) % 5) - 2)) / 2);
        const envelope = Math.sin((Math.PI * s) / 0.18);
        v = 0.35 * envelope * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t));
      }
    }
    out[44 + i] = Math.max(0, Math.min(255, Math.round(128 + 127 * v)));
  }
  return out;
}
