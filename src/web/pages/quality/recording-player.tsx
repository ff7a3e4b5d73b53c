import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clock } from './score-answers.ts';

export interface TimedNote {
  item: string | null;
  atSeconds: number;
  text: string;
}

/** The contact's recording in the browser's own player; without a URL, says so. */
export function RecordingPlayer({ url, audio }: { url: string | null | undefined; audio: RefObject<HTMLAudioElement | null> }) {
  const { t } = useTranslation();
  if (!url) return <p className="muted">{t('qaPages.noRecording')}</p>;
  // biome-ignore lint/a11y/useMediaCaption: call recordings have no caption track
  return <audio ref={audio} className="qa-player" controls preload="auto" src={url} data-testid="recording" />;
}

/** Moves the player to a moment (and plays from there). */
export function seek(audio: RefObject<HTMLAudioElement | null>, seconds: number) {
  const el = audio.current;
  if (!el) return;
  el.currentTime = seconds;
  void el.play().catch(() => {});
}

/** Comments pinned to moments of the recording; a timestamp is a button that moves the player there. */
export function NotesList({
  notes,
  audio,
  itemLabel,
  onRemove,
}: {
  notes: readonly TimedNote[];
  audio: RefObject<HTMLAudioElement | null>;
  itemLabel: (id: string) => string;
  onRemove?: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (notes.length === 0) return <p className="muted">{t('qaPages.noNotes')}</p>;
  const order = notes.map((n, i) => ({ n, i })).sort((a, b) => a.n.atSeconds - b.n.atSeconds);
  return (
    <ul className="qa-notes">
      {order.map(({ n, i }) => (
        <li key={i}>
          <button
            type="button"
            className="button small qa-timestamp"
            title={t('qaPages.seekTo')}
            onClick={() => seek(audio, n.atSeconds)}
          >
            {clock(n.atSeconds)}
          </button>{' '}
          {n.item && <span className="badge">{itemLabel(n.item)}</span>} {n.text}
          {onRemove && (
            <button type="button" className="button small link" onClick={() => onRemove(i)}>
              {t('qaPages.remove')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Adds a comment at the player's current time, optionally about one item. */
export function NoteComposer({
  audio,
  items,
  onAdd,
}: {
  audio: RefObject<HTMLAudioElement | null>;
  items: { id: string; label: string }[];
  onAdd: (n: TimedNote) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [item, setItem] = useState('');
  const add = () => {
    if (!text.trim()) return;
    onAdd({ item: item || null, atSeconds: Math.round((audio.current?.currentTime ?? 0) * 10) / 10, text: text.trim() });
    setText('');
  };
  return (
    <div className="filters qa-note-composer">
      <select aria-label={t('qa.item')} value={item} onChange={(e) => setItem(e.target.value)}>
        <option value="">{t('qaPages.wholeCall')}</option>
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.label}
          </option>
        ))}
      </select>
      <input
        name="note-text"
        placeholder={t('qaPages.notePlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <button type="button" className="button" onClick={add} disabled={!text.trim()}>
        {t('qaPages.addNote')}
      </button>
    </div>
  );
}
