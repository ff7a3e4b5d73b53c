import { describe, expect, test } from 'vitest';
import { demoRecordingWav } from './demo-recording.ts';

describe('the demo recording', () => {
  test('is a small 8 kHz 8-bit mono PCM WAV with a correct header', () => {
    const wav = demoRecordingWav(12);
    const view = new DataView(wav.buffer);
    const text = (at: number, len: number) => String.fromCharCode(...wav.slice(at, at + len));
    expect(wav.length).toBe(44 + 96_000);
    expect(text(0, 4)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(text(8, 8)).toBe('WAVEfmt ');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(8000);
    expect(view.getUint16(34, true)).toBe(8);
    expect(text(36, 4)).toBe('data');
    expect(view.getUint32(40, true)).toBe(96_000);
  });

  test('has sound in the phrases and silence in the pauses', () => {
    const wav = demoRecordingWav(3);
    const at = (t: number) => wav[44 + Math.round(t * 8000)]!;
    expect(at(2.2)).toBe(128); // pause between phrases
    const phrase = wav.slice(44, 44 + 1440); // first syllable
    expect(Math.max(...phrase) - Math.min(...phrase)).toBeGreaterThan(60);
  });
});
