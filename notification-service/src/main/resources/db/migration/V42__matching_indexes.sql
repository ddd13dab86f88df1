-- Matching an event to subscriptions (Subscriptions.matching: event_types @> ARRAY[type]) can start from the live
-- subscriptions of the event's type.
CREATE INDEX subscription_live_event_types ON subscription USING gin (event_types)
    WHERE disabled_at IS NULL AND status = 'ACTIVE';

-- The language of a mail's recipient is looked up by address for every mail (Languages.ofMunicipalities).
CREATE INDEX contact_email ON contact (email);
