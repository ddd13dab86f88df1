-- The national solutions named in the domain brief (docs/glossary.md maps the areas). Admins maintain the
-- catalogue through the API afterwards; the first start announces these on registry.solutions.v1.
INSERT INTO solution (code, name, area, owner, description, stage, created_at, updated_at) VALUES
  ('kjernejournal', 'Kjernejournal i sykehjem og hjemmetjenesten', 'MEDICINES', 'Norsk helsenett', 'Tilgang til kjernejournal for helsepersonell i sykehjem og hjemmetjenesten', 'ROLLOUT', now(), now()),
  ('digihelse', 'DigiHelse', 'CITIZEN_SERVICES', 'KS', 'Digital dialog mellom innbyggere og kommunale helse- og omsorgstjenester via helsenorge', 'ROLLOUT', now(), now()),
  ('digihelsestasjon', 'DigiHelsestasjon basis', 'CITIZEN_SERVICES', 'KS', 'Digital kommunikasjon mellom helsestasjon og foreldre', 'ROLLOUT', now(), now()),
  ('digihelsestasjon-ungdom', 'DigiHelsestasjon ungdomsmodul', 'CITIZEN_SERVICES', 'KS', 'DigiHelsestasjon for skolehelsetjenesten og helsestasjon for ungdom', 'PILOT', now(), now()),
  ('vkp', 'Velferdsteknologisk knutepunkt', 'WELFARE_TECHNOLOGY', 'Norsk helsenett', 'Knutepunkt som samler data fra velferdsteknologi og sender dem til journalsystemet', 'ROLLOUT', now(), now()),
  ('htm', 'Helhetlig tjenestemodell', 'WELFARE_TECHNOLOGY', 'KS', 'Tjenestemodell for velferdsteknologi og digital hjemmeoppfølging', 'PILOT', now(), now()),
  ('egenandel-skatteopplysninger', 'Skatte- og inntektsopplysninger til egenandelsberegning', 'SHARED_DIGITAL_SERVICES', 'KS', 'Henting av skatte- og inntektsopplysninger for beregning av egenandel', 'ROLLOUT', now(), now()),
  ('sfm', 'Sentral forskrivningsmodul', 'MEDICINES', 'Norsk helsenett', 'Felles modul for forskrivning og legemiddelhåndtering', 'ROLLOUT', now(), now()),
  ('pll', 'Pasientens legemiddelliste', 'MEDICINES', 'Norsk helsenett', 'Én oppdatert legemiddelliste for pasienten, delt mellom behandlere', 'PILOT', now(), now()),
  ('pasientens-journaldokumenter', 'Pasientens journaldokumenter', 'DIGITAL_COLLABORATION', 'Norsk helsenett', 'Deling av journaldokumenter mellom virksomheter', 'ROLLOUT', now(), now()),
  ('provesvar', 'Prøvesvar', 'DIGITAL_COLLABORATION', 'Norsk helsenett', 'Tilgang til prøvesvar på tvers av virksomheter', 'PILOT', now(), now()),
  ('maledata-dho', 'Måledata og digital hjemmeoppfølging', 'DIGITAL_COLLABORATION', 'Norsk helsenett', 'Deling av måledata fra digital hjemmeoppfølging', 'PILOT', now(), now()),
  ('e-meldinger', 'E-meldinger', 'DIGITAL_COLLABORATION', 'Norsk helsenett', 'Elektroniske meldinger mellom kommune, fastlege og sykehus', 'OPERATION', now(), now()),
  ('helseplattformen', 'Helseplattformen', 'SHARED_DIGITAL_SERVICES', 'Helseplattformen AS', 'Felles journalløsning i Midt-Norge', 'OPERATION', now(), now()),
  ('helsekort-gravide', 'Helsekort for gravide', 'SHARED_DIGITAL_SERVICES', 'Norsk helsenett', 'Digitalt helsekort for gravide', 'ROLLOUT', now(), now()),
  ('news2', 'NEWS2 (Felles journalløft)', 'SHARED_DIGITAL_SERVICES', 'KS', 'Tidlig oppdagelse av forverret tilstand, tjeneste fra Felles journalløft', 'PILOT', now(), now()),
  ('oversikt-kommunale-tjenester', 'Oversikt over kommunale tjenester', 'SHARED_DIGITAL_SERVICES', 'KS', 'Oversikt over kommunale helse- og omsorgstjenester for innbyggere (Felles journalløft)', 'PILOT', now(), now());

-- Obviously fictitious role addresses for each network's e-health contact (never real people).
INSERT INTO contact (id, network, role, name, email, updated_at)
SELECT gen_random_uuid(), code, 'EHEALTH_CONTACT', 'Kontaktperson e-helse, ' || name, 'ehelse@' || code || '.example', now()
FROM network;
