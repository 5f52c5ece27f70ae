/** The supervision read models' tables (version 1 each). */
export const RED_CARDS_TABLE = 'rm_supervision_red_cards_v1';
export const SUPERVISION_APPLICATIONS_TABLE = 'rm_supervision_applications_v1';
export const SWEEPS_TABLE = 'rm_supervision_sweeps_v1';
