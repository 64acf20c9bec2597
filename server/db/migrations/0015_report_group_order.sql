DROP INDEX `reach_days_sums`;--> statement-breakpoint
CREATE INDEX `reach_days_groups` ON `reach_days` (`team_id`,`phase_idx`,`owner_id`,`day`,`reaches`,`open_reaches`,`leaves`);--> statement-breakpoint
CREATE INDEX `stay_days_phases` ON `stay_days` (`team_id`,`phase_idx`,`end_day`,`days`,`owner_id`,`count`);