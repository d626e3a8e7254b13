/** A labelled settings control with its hint and its error (from the host's validation or a local check). */
import { useId, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Renders the control with the id, and the id of the hint/error for aria-describedby. */
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}

export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const describedBy = `${id}-d`;
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      <div id={describedBy} className="settings-note">
        {error ? <span className="error" role="alert">{error}</span> : hint}
      </div>
    </div>
  );
}
