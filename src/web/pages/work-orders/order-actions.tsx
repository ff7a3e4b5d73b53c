import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../session/session-context.tsx';

/** Posts one action to an order (POST /work-orders/:id/actions), keeps the refusal to show, and calls `onDone` after a success. */
export function useOrderAction(onDone: () => void) {
  const { api } = useSignedIn();
  const [error, setError] = useState<unknown>(null);
  const act = async (id: number, body: object): Promise<boolean> => {
    setError(null);
    try {
      await api.post(`/work-orders/${id}/actions`, body);
      onDone();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  return { act, error };
}

/** 申请延期: the new deadline and the reason (the note typed above it); the order page and the unit inbox use it. */
export function ExtensionRequest({
  reason,
  onSubmit,
}: {
  reason: string;
  onSubmit: (body: { type: 'requestExtension'; until: string; reason: string }) => void;
}) {
  const { t } = useTranslation();
  const [until, setUntil] = useState('');
  return (
    <div className="row">
      <input type="datetime-local" aria-label={t('wo.extendUntil')} value={until} onChange={(e) => setUntil(e.target.value)} />
      <button
        type="button"
        className="button"
        disabled={!until || !reason.trim()}
        onClick={() => onSubmit({ type: 'requestExtension', until: new Date(until).toISOString(), reason })}
      >
        {t('wo.actions.requestExtension')}
      </button>
    </div>
  );
}
