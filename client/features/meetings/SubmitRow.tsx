// The end of a meeting form: its submit button (busy while saving) and the refusal, in Chinese.
export function SubmitRow({ saving, label, busyLabel, message, small }: { saving: boolean; label: string; busyLabel: string; message: string | null; small?: boolean }) {
  return (
    <>
      <button className={`button button--primary${small ? " button--small" : ""}`} type="submit" disabled={saving}>
        {saving ? busyLabel : label}
      </button>
      {message && (
        <p className="mt-error" role="alert">
          {message}
        </p>
      )}
    </>
  );
}
