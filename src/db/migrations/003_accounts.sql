-- Accounts of the bureau (admin), the ministry and the regional advisors; respondents have none.
CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  email text NOT NULL CHECK (length(email) <= 254),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'ministry', 'advisor')),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
-- One account per address however it is capitalised.
CREATE UNIQUE INDEX accounts_email_lower ON accounts (lower(email));

-- One-time sign-in links: only the SHA-256 of the token is kept; used_at makes them single use.
CREATE TABLE magic_links (
  token_hash bytea PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX magic_links_expires ON magic_links (expires_at);

-- Sessions live here (not in memory) so several app instances can serve the same user.
-- The cookie holds the id; only its SHA-256 is stored, so a leaked table opens no session.
CREATE TABLE sessions (
  id_hash bytea PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  csrf_secret text NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Requests for a sign-in link, for rate limiting per e-mail address and per IP address.
-- key is 'email:' or 'ip:' followed by a SHA-256, so the table holds no addresses in the clear.
CREATE TABLE sign_in_attempts (
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sign_in_attempts_key_at ON sign_in_attempts (key, at);
CREATE INDEX sign_in_attempts_at ON sign_in_attempts (at);
