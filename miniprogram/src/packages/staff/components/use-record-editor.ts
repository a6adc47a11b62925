import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../../api';
import type { PendingLoad } from '../../../components';

export type EditorLoad = PendingLoad | { state: 'ready' };

interface RecordEditorOptions<Detail, Form> {
  signedIn: boolean;
  emptyForm: () => Form;
  formOf: (record: Detail) => Form;
  fetchRecord: (id: string) => Promise<Detail>;
}

export interface RecordEditor<Detail, Form> {
  /** The record's id: the one opened (`?id=`), or a new record's after its first save; '' before. */
  recordId: string;
  load: EditorLoad;
  detail: Detail | null;
  form: Form;
  setForm: (change: Form | ((current: Form) => Form)) => void;
  /** The form differs from what the server last answered. */
  dirty: boolean;
  /** Shows the server's answer: the record, its form, and that form as the saved one. */
  show: (record: Detail) => void;
  reload: () => Promise<void>;
}

function snapshotOf(form: unknown): string {
  return JSON.stringify(form);
}

/**
 * The state of a staff edit page (`?id=`; none: a new record): the record opened loaded once the
 * person is signed in, the form shown from it, and whether the form has unsaved changes.
 */
export function useRecordEditor<Detail extends { id: string }, Form>({
  signedIn,
  emptyForm,
  formOf,
  fetchRecord,
}: RecordEditorOptions<Detail, Form>): RecordEditor<Detail, Form> {
  const router = useRouter();
  // The record the page opened with; a new one gets its id from the server's first answer.
  const [openedId] = useState(() => router.params?.id ?? '');
  const [recordId, setRecordId] = useState(openedId);
  const [load, setLoad] = useState<EditorLoad>(openedId ? { state: 'loading' } : { state: 'ready' });
  const [detail, setDetail] = useState<Detail | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [saved, setSaved] = useState(() => snapshotOf(form));

  const show = useCallback(
    (record: Detail) => {
      const next = formOf(record);
      setDetail(record);
      setRecordId(record.id);
      setForm(next);
      setSaved(snapshotOf(next));
    },
    [formOf],
  );

  const reload = useCallback(async () => {
    if (!openedId) {
      return;
    }
    setLoad({ state: 'loading' });
    try {
      show(await fetchRecord(openedId));
      setLoad({ state: 'ready' });
    } catch (error) {
      setLoad({ state: 'failed', message: errorMessage(error) });
    }
  }, [openedId, show, fetchRecord]);

  useEffect(() => {
    if (signedIn) {
      void reload();
    }
  }, [signedIn, reload]);

  return { recordId, load, detail, form, setForm, dirty: snapshotOf(form) !== saved, show, reload };
}
