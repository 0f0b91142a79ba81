import type { ErrorCode } from '../../shared/errors.ts';

/** Lithuanian message and action for every server error code (English comes from the server). */
export const ltErrors: Record<ErrorCode, { message: string; action: string }> = {
  INVALID_INPUT: { message: 'Kai kurie duomenys netinkami.', action: 'Patikrinkite įvestus duomenis ir bandykite dar kartą.' },
  UNSUPPORTED_MEDIA_TYPE: { message: 'Užklausa turi būti siunčiama JSON formatu.', action: 'Atnaujinkite programėlę ir bandykite dar kartą.' },
  PAYLOAD_TOO_LARGE: { message: 'Užklausa per didelė.', action: 'Bandykite dar kartą su mažiau duomenų.' },
  NOT_FOUND: { message: 'Čia nieko nerasta.', action: 'Grįžkite į pradžios ekraną.' },
  UNAUTHENTICATED: { message: 'Jūs neprisijungę.', action: 'Prisijunkite iš naujo.' },
  INVALID_CREDENTIALS: { message: 'Neteisingas naudotojo vardas arba slaptažodis.', action: 'Patikrinkite naudotojo vardą bei slaptažodį ir bandykite dar kartą.' },
  FORBIDDEN: { message: 'Jums neleidžiama to daryti.', action: 'Kreipkitės į vadovą.' },
  UNKNOWN_HOST: { message: 'Šis serveris neatsako adresu, kuriuo siųsta užklausa.', action: 'Atidarykite Kasą jos pačios adresu.' },
  CSRF_REJECTED: { message: 'Užklausa atėjo iš netikėto adreso.', action: 'Atidarykite Kasą jos pačios adresu ir bandykite dar kartą.' },
  LIMIT_EXCEEDED: { message: 'Suma viršija leistiną ribą.', action: 'Išmokėkite mažesnę sumą arba kreipkitės į vadovą.' },
  APPROVAL_REQUIRED: { message: 'Šią sumą turi patvirtinti vadovas.', action: 'Paprašykite vadovo patvirtinti šiame įrenginyje.' },
  SELF_APPROVAL: { message: 'Negalite patvirtinti savo paties išmokėjimo.', action: 'Paprašykite patvirtinti kito vadovo.' },
  INVALID_CODE: { message: 'Rezervacijos kodas netinkamas.', action: 'Paprašykite kliento Paysera programėlėje sugeneruoti naują kodą.' },
  CODE_EXPIRED: { message: 'Rezervacijos kodas nebegalioja.', action: 'Paprašykite kliento Paysera programėlėje sugeneruoti naują kodą.' },
  INSUFFICIENT_FUNDS: { message: 'Kliento piniginėje nepakanka pinigų.', action: 'Paprašykite kliento papildyti piniginę arba išsiimti mažiau.' },
  AMOUNT_MISMATCH: { message: 'Paysera rezervavo kitą sumą, nei prašyta. Rezervacija atšaukta.', action: 'Pradėkite naują išmokėjimą. Neduokite jokių grynųjų.' },
  TOO_MANY_ATTEMPTS: { message: 'Per daug neteisingų kodų šiam išmokėjimui. Jis atšauktas.', action: 'Pradėkite naują išmokėjimą su nauju kliento kodu.' },
  WRONG_STATE: { message: 'Šiai išmokėjimo būsenai šis veiksmas negalimas.', action: 'Atnaujinkite, kad pamatytumėte dabartinę būseną.' },
  WALLET_UNAVAILABLE: { message: 'Šiuo metu nepavyksta susisiekti su Paysera.', action: 'Palaukite šiek tiek ir bandykite dar kartą. Neduokite jokių grynųjų.' },
  WALLET_REJECTED: { message: 'Paysera atmetė operaciją.', action: 'Paprašykite kliento Paysera programėlėje patikrinti piniginės limitus.' },
  WALLET_MISCONFIGURED: { message: 'Parduotuvės ryšys su Paysera sukonfigūruotas neteisingai.', action: 'Skambinkite parduotuvės savininkui arba administratoriui. Neduokite jokių grynųjų.' },
  DATABASE_UNAVAILABLE: { message: 'Kasa šiuo metu nepasiekia savo duomenų bazės; niekas nepakeista.', action: 'Palaukite akimirką ir bandykite dar kartą. Grynųjų neišmokėkite.' },
  RATE_LIMITED: { message: 'Per daug bandymų. Palaukite.', action: 'Palaukite kelias minutes ir bandykite dar kartą.' },
  INTERNAL: { message: 'Serveryje įvyko klaida.', action: 'Bandykite dar kartą. Jei tai kartojasi, skambinkite administratoriui. Neduokite jokių grynųjų.' },
};
