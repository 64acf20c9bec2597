CREATE TABLE `activity_daily` (
	`team_id` text NOT NULL,
	`day` integer NOT NULL,
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_daily_key` ON `activity_daily` (`team_id`,`day`,`user_id`,`type`);--> statement-breakpoint
CREATE TABLE `phase_reaches` (
	`team_id` text NOT NULL,
	`account_id` text NOT NULL,
	`owner_id` text,
	`phase_idx` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phase_reaches_team` ON `phase_reaches` (`team_id`,`phase_idx`,`at`,`account_id`);--> statement-breakpoint
CREATE INDEX `phase_reaches_account` ON `phase_reaches` (`account_id`,`phase_idx`,`at`);--> statement-breakpoint
DROP INDEX `accounts_team_phase`;--> statement-breakpoint
ALTER TABLE `accounts` ADD `last_activity_at` integer;--> statement-breakpoint
CREATE INDEX `accounts_team_phase_since` ON `accounts` (`team_id`,`phase`,`phase_since`);--> statement-breakpoint
DROP INDEX `activities_team_time`;--> statement-breakpoint
CREATE INDEX `activities_account_type` ON `activities` (`account_id`,`type`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `activities_team_type` ON `activities` (`team_id`,`type`,`occurred_at`);--> statement-breakpoint
DROP INDEX `phase_changes_team_time`;--> statement-breakpoint
ALTER TABLE `phase_changes` ADD `from_since` integer;--> statement-breakpoint
CREATE INDEX `phase_changes_team_from` ON `phase_changes` (`team_id`,`from_phase`,`at`,`from_since`);--> statement-breakpoint
CREATE INDEX `phase_changes_team_time` ON `phase_changes` (`team_id`,`at`,`evidence_activity_id`);--> statement-breakpoint
-- backfill the derived reporting data from the events already recorded
UPDATE `phase_changes` SET `from_since` = (
	SELECT max(p.`at`) FROM `phase_changes` p WHERE p.`account_id` = `phase_changes`.`account_id` AND p.`at` < `phase_changes`.`at`
) WHERE `from_phase` IS NOT NULL;--> statement-breakpoint
INSERT INTO `phase_reaches` (`team_id`, `account_id`, `owner_id`, `phase_idx`, `at`)
SELECT pc.`team_id`, pc.`account_id`, a.`owner_id`, ph.`idx`, pc.`at`
FROM `phase_changes` pc JOIN `accounts` a ON a.`id` = pc.`account_id`
JOIN (SELECT 'suspect' AS id, 0 AS idx UNION ALL SELECT 'prospect', 1 UNION ALL SELECT 'conversation', 2 UNION ALL SELECT 'negotiation', 3
      UNION ALL SELECT 'closing', 4 UNION ALL SELECT 'customer', 5 UNION ALL SELECT 'relationship', 6 UNION ALL SELECT 'ambassador', 7) ph
  ON ph.`id` = pc.`to_phase` OR ph.`id` IN (SELECT value FROM json_each(pc.`skipped`));--> statement-breakpoint
INSERT INTO `activity_daily` (`team_id`, `day`, `user_id`, `type`, `count`)
SELECT `team_id`, `occurred_at` / 86400000, `logged_by`, `type`, count(*) FROM `activities` GROUP BY 1, 2, 3, 4;--> statement-breakpoint
UPDATE `accounts` SET `last_activity_at` = (SELECT max(`occurred_at`) FROM `activities` WHERE `account_id` = `accounts`.`id`);
