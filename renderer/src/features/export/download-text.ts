/**
 * Saves text as a file through the page: the browser host downloads it, Electron shows its save
 * dialog (will-download). The UTF-8 BOM makes Excel read accents (Grúa, Querétaro) correctly.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  // Spreadsheets need the BOM; XML (GPX, KML) says its encoding in its own declaration.
  const blob = new Blob(type === 'text/csv' ? ['\uFEFF', text] : [text], { type: `${type};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The download has started from the click; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
