import type { ErrorResources } from '../template'

/** Las palabras de los datos y cómo se unen las partes de un error, en español de México. */
export const wordsEsMX: Omit<ErrorResources, 'code'> = {
  network: {
    ECONNREFUSED: 'conexión rechazada',
    ENOTFOUND: 'no se encontró el host',
    EAI_AGAIN: 'no se pudo resolver el nombre (¿estás sin conexión?)',
    ECONNRESET: 'la conexión se reinició',
    ETIMEDOUT: 'se agotó el tiempo de conexión',
    EHOSTUNREACH: 'host inalcanzable',
    ENETUNREACH: 'red inalcanzable',
    UND_ERR_CONNECT_TIMEOUT: 'se agotó el tiempo de conexión',
    UND_ERR_SOCKET: 'la conexión se cerró de forma inesperada',
    CERT_HAS_EXPIRED: 'su certificado TLS expiró',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'su certificado TLS es autofirmado',
    SELF_SIGNED_CERT_IN_CHAIN: 'la cadena de su certificado TLS es autofirmada',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'no se puede verificar su certificado TLS',
    ERR_TLS_CERT_ALTNAME_INVALID: 'su certificado TLS no corresponde al nombre del host',
    'bad-port': 'ese puerto está bloqueado para solicitudes web; usa otro puerto',
    other: 'la solicitud falló antes de recibir respuesta',
  },
  ending: {
    'renewal-refused': 'El servidor rechazó renovar el token',
    'renewal-failed': 'No se pudo renovar el token tras tres reintentos',
    'rejected-twice': 'El servidor rechazó el token dos veces seguidas',
  },
  secret: {
    password: 'la contraseña',
    'api-key': 'la clave de API',
    token: 'el token',
    'client-secret': 'el secreto del cliente',
  },
  credentials: {
    'email-password': 'este correo y contraseña',
    'login-password': 'el usuario y la contraseña',
    'username-password': 'el nombre de usuario y la contraseña',
    'client-id-secret': 'el client id y el secreto de OAuth',
    'key-token': 'esta clave o token',
    any: 'estas credenciales',
  },
  frame: {
    said: '{{lead}}. El servidor respondió: "{{said}}".',
    cause: '{{lead}}: {{cause}}',
    advice: '{{text}} {{advice}}',
    requestId: '{{text}} (solicitud {{id}})',
    ending: '{{ending}}: {{error}}',
    theServer: 'El servidor',
  },
}
