CREATE TABLE `stay_days` (
	`team_id` text NOT NULL,
	`owner_id` text DEFAULT '' NOT NULL,
	`phase_idx` integer NOT NULL,
	`end_day` integer NOT NULL,
	`days` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stay_days_key` ON `stay_days` (`team_id`,`end_day`,`phase_idx`,`days`,`owner_id`);--> statement-breakpoint
DROP INDEX `accounts_team_phase_since`;--> statement-breakpoint
ALTER TABLE `accounts` ADD `checklist_gaps` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `latest_quote_amount` real;--> statement-breakpoint
ALTER TABLE `accounts` ADD `latest_quote_currency` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `latest_quote_at` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `last_review_at` integer;--> statement-breakpoint
CREATE INDEX `accounts_team_phase_owner` ON `accounts` (`team_id`,`phase`,`owner_id`,`phase_since`,`last_activity_at`,`created_at`,`archived_at`,`checklist_gaps`);--> statement-breakpoint
CREATE INDEX `accounts_team_last_activity` ON `accounts` (`team_id`,`last_activity_at`,`phase`,`archived_at`,`created_at`,`owner_id`);--> statement-breakpoint
CREATE INDEX `accounts_team_quotes` ON `accounts` (`team_id`,`phase`,`latest_quote_at`,`latest_quote_currency`,`latest_quote_amount`,`archived_at`,`owner_id`);--> statement-breakpoint
CREATE INDEX `accounts_team_phase_since` ON `accounts` (`team_id`,`phase`,`phase_since`,`created_at`,`archived_at`,`owner_id`,`last_activity_at`,`last_review_at`);--> statement-breakpoint
DROP INDEX `phase_reaches_team`;--> statement-breakpoint
ALTER TABLE `phase_reaches` ADD `left_at` integer;--> statement-breakpoint
CREATE INDEX `phase_reaches_team` ON `phase_reaches` (`team_id`,`phase_idx`,`at`,`account_id`,`left_at`,`owner_id`);--> statement-breakpoint
-- backfill from the events already recorded (checklist gaps are recomputed by the server at start)
INSERT INTO `stay_days` (`team_id`, `owner_id`, `phase_idx`, `end_day`, `days`, `count`)
SELECT pc.`team_id`, coalesce(a.`owner_id`, ''),
       CASE pc.`from_phase` WHEN 'suspect' THEN 0 WHEN 'prospect' THEN 1 WHEN 'conversation' THEN 2 WHEN 'negotiation' THEN 3
            WHEN 'closing' THEN 4 WHEN 'customer' THEN 5 WHEN 'relationship' THEN 6 ELSE 7 END,
       pc.`at` / 86400000, cast(round((pc.`at` - pc.`from_since`) / 86400000.0) as integer), count(*)
FROM `phase_changes` pc JOIN `accounts` a ON a.`id` = pc.`account_id`
WHERE pc.`from_phase` IS NOT NULL AND pc.`from_since` IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
UPDATE `accounts` SET
  `latest_quote_at` = (SELECT max(`occurred_at`) FROM `activities` x WHERE x.`account_id` = `accounts`.`id` AND x.`type` = 'quote'),
  `last_review_at` = (SELECT max(`occurred_at`) FROM `activities` x WHERE x.`account_id` = `accounts`.`id` AND x.`type` = 'annual_review');--> statement-breakpoint
UPDATE `accounts` SET
  `latest_quote_amount` = (SELECT json_extract(x.`data`, '$.amount') FROM `activities` x WHERE x.`account_id` = `accounts`.`id` AND x.`type` = 'quote' ORDER BY x.`occurred_at` DESC LIMIT 1),
  `latest_quote_currency` = (SELECT coalesce(json_extract(x.`data`, '$.currency'), 'EUR') FROM `activities` x WHERE x.`account_id` = `accounts`.`id` AND x.`type` = 'quote' ORDER BY x.`occurred_at` DESC LIMIT 1)
WHERE `latest_quote_at` IS NOT NULL;
--> statement-breakpoint
UPDATE `phase_reaches` SET `left_at` = (
  SELECT min(r2.`at`) FROM `phase_reaches` r2
  WHERE r2.`account_id` = `phase_reaches`.`account_id` AND r2.`phase_idx` > `phase_reaches`.`phase_idx` AND r2.`at` >= `phase_reaches`.`at`
);
