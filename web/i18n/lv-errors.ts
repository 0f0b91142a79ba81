import type { ErrorCode } from '../../shared/errors.ts';

/** Latvian message and action for every server error code (English comes from the server). */
export const lvErrors: Record<ErrorCode, { message: string; action: string }> = {
  INVALID_INPUT: { message: 'Daži dati nav derīgi.', action: 'Pārbaudiet ievadītos datus un mēģiniet vēlreiz.' },
  UNSUPPORTED_MEDIA_TYPE: { message: 'Pieprasījums jānosūta JSON formātā.', action: 'Atjauniniet lietotni un mēģiniet vēlreiz.' },
  PAYLOAD_TOO_LARGE: { message: 'Pieprasījums ir pārāk liels.', action: 'Mēģiniet vēlreiz ar mazāk datiem.' },
  NOT_FOUND: { message: 'Šeit nekas netika atrasts.', action: 'Atgriezieties sākuma ekrānā.' },
  UNAUTHENTICATED: { message: 'Jūs neesat pieteicies.', action: 'Piesakieties vēlreiz.' },
  INVALID_CREDENTIALS: { message: 'Nepareizs lietotājvārds vai parole.', action: 'Pārbaudiet lietotājvārdu un paroli un mēģiniet vēlreiz.' },
  FORBIDDEN: { message: 'Jums nav atļauts to darīt.', action: 'Vērsieties pie vadītāja.' },
  UNKNOWN_HOST: { message: 'Šis serveris neatbild adresē, uz kuru nosūtīts pieprasījums.', action: 'Atveriet Kasu tās pašas adresē.' },
  CSRF_REJECTED: { message: 'Pieprasījums nāca no negaidītas adreses.', action: 'Atveriet Kasu tās pašas adresē un mēģiniet vēlreiz.' },
  LIMIT_EXCEEDED: { message: 'Summa pārsniedz atļauto limitu.', action: 'Izmaksājiet mazāku summu vai vērsieties pie vadītāja.' },
  APPROVAL_REQUIRED: { message: 'Šī summa jāapstiprina vadītājam.', action: 'Palūdziet vadītājam apstiprināt šajā ierīcē.' },
  SELF_APPROVAL: { message: 'Jūs nevarat apstiprināt savu izmaksu.', action: 'Palūdziet apstiprināt citam vadītājam.' },
  INVALID_CODE: { message: 'Rezervācijas kods nav derīgs.', action: 'Palūdziet klientam izveidot jaunu kodu Paysera lietotnē.' },
  CODE_EXPIRED: { message: 'Rezervācijas koda derīguma termiņš ir beidzies.', action: 'Palūdziet klientam izveidot jaunu kodu Paysera lietotnē.' },
  INSUFFICIENT_FUNDS: { message: 'Klienta makā nepietiek naudas.', action: 'Palūdziet klientam papildināt maku vai izņemt mazāk.' },
  AMOUNT_MISMATCH: { message: 'Paysera rezervēja citu summu, nekā pieprasīts. Rezervācija atcelta.', action: 'Sāciet jaunu izmaksu. Neizsniedziet skaidru naudu.' },
  TOO_MANY_ATTEMPTS: { message: 'Šai izmaksai pārāk daudz nepareizu kodu. Tā ir atcelta.', action: 'Sāciet jaunu izmaksu ar jaunu klienta kodu.' },
  WRONG_STATE: { message: 'Pašreizējā izmaksas statusā šī darbība nav iespējama.', action: 'Atjaunojiet, lai redzētu pašreizējo statusu.' },
  WALLET_UNAVAILABLE: { message: 'Paysera pašlaik nav sasniedzama.', action: 'Brīdi pagaidiet un mēģiniet vēlreiz. Neizsniedziet skaidru naudu.' },
  WALLET_REJECTED: { message: 'Paysera noraidīja darījumu.', action: 'Palūdziet klientam pārbaudīt maka limitus Paysera lietotnē.' },
  WALLET_MISCONFIGURED: { message: 'Veikala savienojums ar Paysera ir nepareizi iestatīts.', action: 'Zvaniet veikala īpašniekam vai administratoram. Neizsniedziet skaidru naudu.' },
  DATABASE_UNAVAILABLE: { message: 'Kasa pašlaik nevar piekļūt savai datubāzei; nekas netika mainīts.', action: 'Brīdi pagaidiet un mēģiniet vēlreiz. Neizsniedziet skaidru naudu.' },
  RATE_LIMITED: { message: 'Pārāk daudz mēģinājumu. Lūdzu, uzgaidiet.', action: 'Pagaidiet norādīto laiku un tad mēģiniet vēlreiz.' },
  INTERNAL: { message: 'Serverī radās kļūda.', action: 'Mēģiniet vēlreiz. Ja tas atkārtojas, zvaniet administratoram. Neizsniedziet skaidru naudu.' },
};
