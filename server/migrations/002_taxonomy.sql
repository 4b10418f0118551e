-- The archive's taxonomy: classification codes, providers with their domains, severities.

create table taxonomy_meta (
  id boolean primary key default true check (id),
  version text not null
);

create table taxonomy_codes (
  code text primary key,
  label text not null,
  group_name text not null,
  description text,
  position integer not null
);

create table providers (
  name text primary key,
  position integer not null
);

create table provider_domains (
  provider text not null references providers (name) on delete cascade,
  domain text not null unique,
  position integer not null,
  primary key (provider, domain)
);

create table severities (
  level text primary key check (level in ('SEV-1', 'SEV-2', 'SEV-3', 'SEV-4')),
  label text not null,
  definition text not null
);

insert into taxonomy_meta (version) values ('2025.1');

insert into taxonomy_codes (code, label, group_name, description, position) values
  ('M1', 'Fabricated or false output', 'Model behaviour', 'The system states false facts, invents sources, quotes or people (hallucination).', 1),
  ('M2', 'Harmful content generated', 'Model behaviour', 'The system produces dangerous, violent, hateful or self-harm content.', 2),
  ('M3', 'Biased or discriminatory output', 'Model behaviour', 'Outputs or decisions differ unfairly by a protected characteristic.', 3),
  ('M4', 'Safety guardrails bypassed', 'Model behaviour', 'A jailbreak or adversarial prompt defeats the provider''s safeguards.', 4),
  ('M5', 'Manipulative or sycophantic behaviour', 'Model behaviour', 'The system flatters, deceives or emotionally manipulates its users.', 5),
  ('M6', 'Unintended autonomous action', 'Model behaviour', 'An agent takes actions in the world that its operator did not intend.', 6),
  ('M7', 'Memorised training data reproduced', 'Model behaviour', 'The system regurgitates training data verbatim.', 7),
  ('M8', 'Perception or recognition error', 'Model behaviour', 'Misidentification by vision, speech or biometric systems.', 8),
  ('D1', 'Personal data exposed', 'Data and privacy', 'Users'' conversations, files or personal data leak to others.', 9),
  ('D2', 'Data used without consent', 'Data and privacy', 'Personal or copyrighted data collected or used for training without consent.', 10),
  ('D3', 'Surveillance', 'Data and privacy', 'AI used to track, profile or identify people at scale.', 11),
  ('D4', 'Copyright or IP infringement', 'Data and privacy', 'Outputs reproduce or imitate protected works.', 12),
  ('S1', 'Prompt injection', 'Security', 'Untrusted content instructs the system to act against its user.', 13),
  ('S2', 'Model or weights compromised', 'Security', 'Weights, system prompts or models stolen, poisoned or tampered with.', 14),
  ('S3', 'AI-assisted cyberattack', 'Security', 'AI used to find vulnerabilities, write malware or run intrusions.', 15),
  ('S4', 'Vulnerable AI integration', 'Security', 'An AI feature opens a security hole in a product (e.g. data exfiltration).', 16),
  ('U1', 'Deepfake or impersonation', 'Misuse', 'Synthetic media passes as a real person''s voice, face or words.', 17),
  ('U2', 'Fraud or scam', 'Misuse', 'AI used to defraud people or organisations.', 18),
  ('U3', 'Disinformation campaign', 'Misuse', 'AI-generated content used to mislead the public at scale.', 19),
  ('U4', 'Non-consensual intimate imagery', 'Misuse', 'Sexualised synthetic images of real people made without consent.', 20),
  ('U5', 'Harassment or abuse', 'Misuse', 'AI used to harass, threaten or abuse individuals.', 21),
  ('U6', 'Weapons or dangerous capability uplift', 'Misuse', 'AI gives meaningful help toward biological, chemical, nuclear or other weapons.', 22),
  ('F1', 'Death or physical injury', 'Harm', 'A person was killed or physically hurt.', 23),
  ('F2', 'Psychological harm', 'Harm', 'Self-harm, distress, dependency or other mental-health harm.', 24),
  ('F3', 'Financial loss', 'Harm', 'Money lost by individuals or organisations.', 25),
  ('F4', 'Wrongful decision about a person', 'Harm', 'An automated decision denied someone a job, benefit, loan, or liberty.', 26),
  ('F5', 'Reputational harm or defamation', 'Harm', 'False or damaging statements about a real person or organisation.', 27),
  ('F6', 'Service failure or outage', 'Harm', 'A product or critical service stopped working or behaved erratically.', 28),
  ('F7', 'Vehicle or robot crash', 'Harm', 'An autonomous or assisted vehicle, drone or robot collided or malfunctioned.', 29),
  ('F8', 'Medical or health error', 'Harm', 'Wrong diagnosis, treatment or health advice.', 30),
  ('F9', 'Harm to children', 'Harm', 'Children exposed to inappropriate content or interactions.', 31),
  ('F10', 'Legal or judicial error', 'Harm', 'Fabricated citations in court, or AI errors in legal proceedings.', 32),
  ('G1', 'Regulatory or government action', 'Response', 'A regulator investigated, fined or restricted the system.', 33),
  ('G2', 'Lawsuit filed', 'Response', 'Legal action was brought over the incident.', 34),
  ('G3', 'Product withdrawn or restricted', 'Response', 'The provider paused, withdrew or limited the feature.', 35),
  ('G4', 'Provider acknowledgement', 'Response', 'The provider publicly acknowledged the problem.', 36);

insert into providers (name, position) values
  ('OpenAI', 1), ('Google', 2), ('Anthropic', 3), ('Meta', 4), ('Microsoft', 5), ('xAI', 6), ('Mistral AI', 7),
  ('Amazon', 8), ('Apple', 9), ('Tesla', 10), ('ByteDance', 11), ('Baidu', 12), ('Stability AI', 13),
  ('Midjourney', 14), ('Alibaba', 15), ('DeepSeek', 16), ('Perplexity', 17), ('Character.AI', 18),
  ('Hugging Face', 19), ('Cohere', 20), ('Nvidia', 21), ('IBM', 22), ('Waymo', 23), ('Cruise', 24),
  ('Replika', 25), ('Runway', 26), ('ElevenLabs', 27), ('Snap', 28), ('Samsung', 29), ('Tencent', 30);

insert into provider_domains (provider, domain, position) values
  ('OpenAI', 'openai.com', 1), ('OpenAI', 'chatgpt.com', 2), ('OpenAI', 'sora.com', 3),
  ('Google', 'google.com', 1), ('Google', 'deepmind.google', 2), ('Google', 'deepmind.com', 3), ('Google', 'blog.google', 4), ('Google', 'youtube.com', 5),
  ('Anthropic', 'anthropic.com', 1), ('Anthropic', 'claude.ai', 2), ('Anthropic', 'claude.com', 3),
  ('Meta', 'meta.com', 1), ('Meta', 'meta.ai', 2), ('Meta', 'facebook.com', 3), ('Meta', 'instagram.com', 4), ('Meta', 'whatsapp.com', 5), ('Meta', 'llama.com', 6),
  ('Microsoft', 'microsoft.com', 1), ('Microsoft', 'bing.com', 2), ('Microsoft', 'github.com', 3), ('Microsoft', 'linkedin.com', 4),
  ('xAI', 'x.ai', 1), ('xAI', 'grok.com', 2), ('xAI', 'x.com', 3),
  ('Mistral AI', 'mistral.ai', 1),
  ('Amazon', 'amazon.com', 1), ('Amazon', 'aboutamazon.com', 2), ('Amazon', 'alexa.com', 3),
  ('Apple', 'apple.com', 1),
  ('Tesla', 'tesla.com', 1),
  ('ByteDance', 'bytedance.com', 1), ('ByteDance', 'tiktok.com', 2), ('ByteDance', 'doubao.com', 3),
  ('Baidu', 'baidu.com', 1),
  ('Stability AI', 'stability.ai', 1),
  ('Midjourney', 'midjourney.com', 1),
  ('Alibaba', 'alibaba.com', 1), ('Alibaba', 'alibabacloud.com', 2), ('Alibaba', 'qwen.ai', 3),
  ('DeepSeek', 'deepseek.com', 1),
  ('Perplexity', 'perplexity.ai', 1),
  ('Character.AI', 'character.ai', 1),
  ('Hugging Face', 'huggingface.co', 1),
  ('Cohere', 'cohere.com', 1),
  ('Nvidia', 'nvidia.com', 1),
  ('IBM', 'ibm.com', 1),
  ('Waymo', 'waymo.com', 1),
  ('Cruise', 'getcruise.com', 1),
  ('Replika', 'replika.com', 1),
  ('Runway', 'runwayml.com', 1),
  ('ElevenLabs', 'elevenlabs.io', 1),
  ('Snap', 'snap.com', 1), ('Snap', 'snapchat.com', 2),
  ('Samsung', 'samsung.com', 1),
  ('Tencent', 'tencent.com', 1);

insert into severities (level, label, definition) values
  ('SEV-1', 'Critical', 'Death or serious injury, or severe harm to many people, to critical infrastructure or to democratic processes; harm that is widespread, irreversible or ongoing.'),
  ('SEV-2', 'Major', 'Significant harm to individuals or groups (physical, financial, legal, psychological or privacy), or a serious security breach, affecting many people or hard to reverse.'),
  ('SEV-3', 'Moderate', 'Real but limited harm: contained in scope, reversible, or affecting few people; or a credible near miss of major harm.'),
  ('SEV-4', 'Minor', 'Low harm or a near miss: an embarrassing, misleading or faulty behaviour with little lasting impact.');
