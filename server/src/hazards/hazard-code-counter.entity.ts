import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number given out on a China calendar day (`HZ-20261129-0001` counts here). */
@Entity('hazard_code_counter')
export class HazardCodeCounter {
  /** `YYYYMMDD` in China time. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day: string;

  @Column({ name: 'last_number', type: 'int' })
  lastNumber: number;
}
