interface Props {
  label: string
  unit: string
  min: number
  max?: number
  value: number
  testId: string
  /** Called when the field loses focus with a finite number. */
  onCommit: (value: number) => void
}

/** One labelled number field of the settings form, saved when the dispatcher leaves it. */
export function NumberSetting({ label, unit, min, max, value, testId, onCommit }: Props) {
  return (
    <label className="alert-setting">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        data-testid={testId}
        defaultValue={value}
        onBlur={(e) => {
          const next = Number(e.target.value)
          if (Number.isFinite(next) && next !== value) onCommit(next)
        }}
      />
      <span>{unit}</span>
    </label>
  )
}
