// Technical specs per electronics subcategory. Keys are language-neutral
// slugs the screens translate; values are figures with their units.
import type { Random } from './random';

export type Specs = Record<string, string>;

const decimal = (rng: Random, min: number, max: number, digits = 1): string =>
  rng.round(min, max, digits).toFixed(digits);

const SPECS: Readonly<Record<string, (rng: Random) => Specs>> = {
  headphones: (rng) => ({
    'battery-life': `${rng.int(20, 60)} h`,
    bluetooth: rng.pick(['5.2', '5.3', '5.4']),
    driver: `${rng.pick([40, 40, 45, 50])} mm`,
    codecs: rng.pick(['SBC, AAC', 'SBC, AAC, LDAC', 'SBC, AAC, aptX Adaptive']),
    weight: `${rng.int(220, 330)} g`,
    charging: 'USB-C',
  }),
  earbuds: (rng) => ({
    'battery-life': `${rng.int(5, 10)} h + ${rng.int(18, 30)} h`,
    bluetooth: rng.pick(['5.3', '5.4']),
    'water-resistance': rng.pick(['IPX4', 'IP55', 'IPX7']),
    weight: `${rng.int(4, 7)} g`,
  }),
  speaker: (rng) => ({
    power: `${rng.pick([10, 20, 30, 60, 120])} W`,
    'battery-life': `${rng.int(8, 24)} h`,
    'water-resistance': rng.pick(['IP67', 'IPX5', '—']),
    connectivity: rng.pick(['Bluetooth 5.3', 'Bluetooth 5.3, Wi-Fi', 'Wi-Fi, AirPlay 2']),
    weight: `${decimal(rng, 0.5, 4.5)} kg`,
  }),
  smartphone: (rng) => ({
    screen: `${decimal(rng, 6.1, 6.8)}" OLED ${rng.pick([60, 90, 120])} Hz`,
    processor: `${rng.pick(['Octa-core', 'Hexa-core'])} ${decimal(rng, 2.4, 3.4)} GHz`,
    ram: `${rng.pick([6, 8, 12])} Go`,
    camera: `${rng.pick([48, 50, 64, 200])} Mpx`,
    battery: `${rng.int(40, 55) * 100} mAh`,
    network: '5G',
    weight: `${rng.int(165, 235)} g`,
    'sar-head': `${decimal(rng, 0.3, 1.2, 2)} W/kg`,
  }),
  smartwatch: (rng) => ({
    screen: `${decimal(rng, 1.2, 1.9)}" AMOLED`,
    'battery-life': `${rng.pick([36, 48, 72, 168, 336])} h`,
    'water-resistance': '5 ATM',
    sensors: rng.pick(['HR, SpO2', 'HR, SpO2, ECG', 'HR, SpO2, ECG, temp.']),
    gps: rng.pick(['GPS', 'GPS + GLONASS', 'GPS bi-fréquence']),
  }),
  laptop: (rng) => ({
    screen: `${rng.pick(['13.3', '14', '15.6', '16'])}" ${rng.pick(['IPS', 'OLED'])}`,
    processor: `${rng.pick([8, 10, 12, 14])} cœurs ${decimal(rng, 2.4, 3.8)} GHz`,
    ram: `${rng.pick([8, 16, 16, 32])} Go`,
    'battery-life': `${rng.int(10, 22)} h`,
    weight: `${decimal(rng, 1.1, 2.4, 2)} kg`,
    ports: rng.pick(['2 × USB-C', '2 × USB-C, USB-A, HDMI', '3 × USB-C, HDMI, SD']),
  }),
  tablet: (rng) => ({
    screen: `${decimal(rng, 8.7, 12.9)}"`,
    ram: `${rng.pick([4, 6, 8])} Go`,
    battery: `${rng.int(70, 100) * 100} mAh`,
    weight: `${rng.int(300, 690)} g`,
  }),
  television: (rng) => {
    const inches = rng.pick([43, 50, 55, 65, 75]);
    return {
      screen: `${inches}" (${Math.round(inches * 2.54)} cm)`,
      resolution: rng.chance(0.8) ? '3840 × 2160' : '1920 × 1080',
      'refresh-rate': `${rng.pick([60, 100, 120])} Hz`,
      hdmi: `${rng.pick([3, 4])} × HDMI 2.1`,
      'energy-class': rng.pick(['E', 'F', 'F', 'G']),
    };
  },
  camera: (rng) => ({
    sensor: rng.pick(['24 × 36, 24 Mpx', '24 × 36, 33 Mpx', 'APS-C, 26 Mpx', 'APS-C, 40 Mpx']),
    video: rng.pick(['4K 30p', '4K 60p', '6K 30p']),
    stabilisation: rng.pick(['5 axes', '—']),
    battery: `${rng.int(35, 60) * 10} photos`,
    weight: `${rng.int(350, 720)} g`,
  }),
  charger: (rng) => ({
    power: `${rng.pick([20, 30, 45, 65, 100])} W`,
    standard: rng.pick(['USB PD 3.0', 'USB PD 3.1, PPS', 'Qi2']),
  }),
  cable: (rng) => ({
    length: rng.pick(['1 m', '1,5 m', '2 m']),
    standard: rng.pick(['USB 2.0, 60 W', 'USB 3.2, 100 W', 'USB4, 240 W', 'HDMI 2.1, 48 Gbit/s']),
  }),
  case: (rng) => ({
    material: rng.pick(['TPU + polycarbonate', 'silicone', 'cuir de pomme']),
    'drop-test': `${rng.pick([1.5, 2, 3])} m`,
    magnetic: rng.pick(['MagSafe', 'Qi2', '—']),
  }),
  powerbank: (rng) => ({
    output: `USB-C ${rng.pick([20, 30, 45, 65])} W`,
    ports: rng.pick(['USB-C', 'USB-C, USB-A', '2 × USB-C, USB-A']),
    weight: `${rng.int(110, 420)} g`,
  }),
};

export function drawSpecs(rng: Random, subcategory: string): Specs {
  const draw = SPECS[subcategory];
  return draw ? draw(rng) : {};
}
