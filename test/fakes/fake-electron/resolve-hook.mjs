// Node module-resolution hook (module.register) for the fake-electron harness: `electron` in the
// built main bundle resolves to the fake. Everything else resolves as usual.
let electronUrl = ''

export function initialize(data) {
  electronUrl = data.electronUrl
}

export function resolve(specifier, context, nextResolve) {
  // Through the next resolver (tsx's), so the fake's TypeScript is compiled like any other .ts file.
  if (specifier === 'electron') return nextResolve(electronUrl, context)
  return nextResolve(specifier, context)
}
