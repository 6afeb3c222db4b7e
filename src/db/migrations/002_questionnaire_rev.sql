-- A revision number per edition's questionnaire, so app instances can cache the parsed
-- questionnaire and notice a change with a cheap integer comparison.
ALTER TABLE editions ADD COLUMN questionnaire_rev int NOT NULL DEFAULT 1;

CREATE FUNCTION bump_questionnaire_rev() RETURNS trigger AS $$
BEGIN
  IF NEW.questionnaire IS DISTINCT FROM OLD.questionnaire THEN
    NEW.questionnaire_rev := OLD.questionnaire_rev + 1;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER editions_questionnaire_rev BEFORE UPDATE ON editions
  FOR EACH ROW EXECUTE FUNCTION bump_questionnaire_rev();

CREATE INDEX responses_submitted ON responses(edition) WHERE submitted_at IS NOT NULL;
