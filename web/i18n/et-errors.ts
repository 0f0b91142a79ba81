import type { ErrorCode } from '../../shared/errors.ts';

/** Estonian message and action for every server error code (English comes from the server). */
export const etErrors: Record<ErrorCode, { message: string; action: string }> = {
  INVALID_INPUT: { message: 'Osa sisestatud andmetest ei sobi.', action: 'Kontrollige sisestatud andmeid ja proovige uuesti.' },
  UNSUPPORTED_MEDIA_TYPE: { message: 'Päring peab olema saadetud JSON-vormingus.', action: 'Uuendage rakendust ja proovige uuesti.' },
  PAYLOAD_TOO_LARGE: { message: 'Päring on liiga suur.', action: 'Proovige uuesti väiksema andmehulgaga.' },
  NOT_FOUND: { message: 'Siit ei leitud midagi.', action: 'Minge tagasi avaekraanile.' },
  UNAUTHENTICATED: { message: 'Te ei ole sisse logitud.', action: 'Logige uuesti sisse.' },
  INVALID_CREDENTIALS: { message: 'Vale kasutajanimi või parool.', action: 'Kontrollige kasutajanime ja parooli ning proovige uuesti.' },
  FORBIDDEN: { message: 'Teil ei ole selleks õigust.', action: 'Pöörduge juhataja poole.' },
  UNKNOWN_HOST: { message: 'See server ei vasta aadressil, kuhu päring saadeti.', action: 'Avage Kasa selle enda aadressil.' },
  CSRF_REJECTED: { message: 'Päring tuli ootamatult aadressilt.', action: 'Avage Kasa selle enda aadressil ja proovige uuesti.' },
  LIMIT_EXCEEDED: { message: 'Summa ületab lubatud piirmäära.', action: 'Makske välja väiksem summa või pöörduge juhataja poole.' },
  APPROVAL_REQUIRED: { message: 'Selle summa peab kinnitama juhataja.', action: 'Paluge juhatajal selles seadmes kinnitada.' },
  SELF_APPROVAL: { message: 'Te ei saa oma väljamakset ise kinnitada.', action: 'Paluge kinnitust teiselt juhatajalt.' },
  INVALID_CODE: { message: 'Broneerimiskood ei kehti.', action: 'Paluge kliendil luua Paysera rakenduses uus kood.' },
  CODE_EXPIRED: { message: 'Broneerimiskood on aegunud.', action: 'Paluge kliendil luua Paysera rakenduses uus kood.' },
  INSUFFICIENT_FUNDS: { message: 'Kliendi rahakotis pole piisavalt raha.', action: 'Paluge kliendil rahakotti täiendada või võtta välja väiksem summa.' },
  AMOUNT_MISMATCH: { message: 'Paysera broneeris teise summa, kui küsiti. Broneering tühistati.', action: 'Alustage uut väljamakset. Ärge andke sularaha.' },
  TOO_MANY_ATTEMPTS: { message: 'Selle väljamakse jaoks sisestati liiga palju valesid koode. See tühistati.', action: 'Alustage uut väljamakset kliendi uue koodiga.' },
  WRONG_STATE: { message: 'Väljamakse praeguses olekus pole see toiming võimalik.', action: 'Laadige uuesti, et näha praegust olekut.' },
  WALLET_UNAVAILABLE: { message: 'Payseraga ei saa praegu ühendust.', action: 'Oodake veidi ja proovige uuesti. Ärge andke sularaha.' },
  WALLET_REJECTED: { message: 'Paysera lükkas toimingu tagasi.', action: 'Paluge kliendil kontrollida Paysera rakenduses rahakoti limiite.' },
  WALLET_MISCONFIGURED: { message: 'Poe ühendus Payseraga on valesti seadistatud.', action: 'Helistage poe omanikule või administraatorile. Ärge andke sularaha.' },
  DATABASE_UNAVAILABLE: { message: 'Kasa ei pääse praegu oma andmebaasi juurde; midagi ei muudetud.', action: 'Oodake veidi ja proovige uuesti. Ärge andke sularaha.' },
  RATE_LIMITED: { message: 'Liiga palju katseid. Palun oodake.', action: 'Oodake näidatud aeg ja proovige siis uuesti.' },
  INTERNAL: { message: 'Serveris tekkis viga.', action: 'Proovige uuesti. Kui see kordub, helistage administraatorile. Ärge andke sularaha.' },
};
