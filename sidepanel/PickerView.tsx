import { BackupPanel } from './BackupPanel.tsx';
import { DraftPicker } from './DraftPicker.tsx';

/** The workspace without a draft: search, recent drafts, backup. Loaded only when shown. */
export function PickerView({ onOpen }: { onOpen: (id: string) => void }) {
  return (
    <>
      <DraftPicker onOpen={onOpen} />
      <BackupPanel />
    </>
  );
}
