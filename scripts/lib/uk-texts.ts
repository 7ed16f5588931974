// The Ukrainian texts of the built-in datasets' manifests (title, region, description, class, measure and clip
// region labels), kept here so that rerunning an import script writes them again: the import scripts build each
// manifest in English from the source data and pass it through `withUkrainian` before writing dataset.json.
// Keyed by manifest id, then by class, measure and clip-region id; `labelPeriods` follow the manifest's order.
import type { DatasetManifest, LabelPeriod } from '../../src/lib/domain/types';

interface PeriodText {
  label?: string;
  note?: string;
}
interface DatasetTexts {
  dataset?: { title?: string; region?: string; description?: string };
  classes: Record<string, { label?: string; description?: string; labelPeriods?: (PeriodText | null)[] }>;
  measures: Record<string, { label?: string; labelPeriods?: (PeriodText | null)[] }>;
  clipRegions: Record<string, { label?: string }>;
}

export const UK_TEXTS: Record<string, DatasetTexts> = {
  "kursk-2024": {
    "dataset": {
      "title": "Курська операція, 2024–25 (DeepStateMap)",
      "region": "Курська область (Росія) і прикордоння Сумщини (Україна)",
      "description": "Полігони DeepStateMap у районі вторгнення України в Курську область Росії та довкола нього: один знімок на кожен день, коли DeepState публікував зміну в цьому районі (остання публікація дня, UTC), з 2024-08-01 до 2025-04-30. Цілі полігони, не обрізані; клас — наше прочитання кольору заливки DeepState."
    },
    "classes": {
      "ukraine_held_in_russia": {
        "label": "Утримується Україною (у Росії)",
        "description": "Територія в Росії, яку утримують українські сили. Заливка DeepState #01579b, підпис «Звільнено»."
      },
      "unknown_status": {
        "label": "Невідомий статус (сіра зона)",
        "description": "Контроль неясний. Заливка DeepState #bdbdbd або #bcaaa4, підпис «Невідомий статус»."
      },
      "russian_occupied": {
        "label": "Окуповано Росією (в Україні)",
        "description": "Контрольована Росією територія з українського боку кордону. Заливка DeepState #a52714, підпис «Окуповано»."
      }
    },
    "measures": {
      "held": {
        "label": "Утримується Україною, у Росії"
      },
      "held_kursk": {
        "label": "Утримується Україною, у Курській області"
      },
      "held_or_unknown": {
        "label": "Утримується Україною або невідомий статус, у Росії"
      },
      "held_or_unknown_kursk": {
        "label": "Утримується Україною або невідомий статус, у Курській області"
      },
      "occupied": {
        "label": "Окуповано Росією (цей район)"
      }
    },
    "clipRegions": {
      "russia": {
        "label": "Росія"
      },
      "kursk_oblast": {
        "label": "Курська область"
      }
    }
  },
  "kursk-isw": {
    "dataset": {
      "title": "Курська операція, 2024–25 (ISW/CTP)",
      "region": "Курська область (Росія), з кількома полігонами в Бєлгородській області від 2025-03-23",
      "description": "Курські шари ISW/CTP, один стан на тиждень (дати щотижневого дзеркала Le Monde), з 2024-08-11 до 2025-04-27. Геометрію дзеркало сильно спростило (16–55 вершин для полігона ~1 000 км²; малі полігони зменшуються або зникають), тож не читайте з неї межі на рівні сіл. До 2024-12-01 український шар — заявлена межа просування, а не утримувана територія. Від 2025-03-23 частина його лежить у Бєлгородській області: «у Росії» — не те саме, що «у Курській області»."
    },
    "classes": {
      "ukraine_advance_in_russia": {
        "label": "Українське просування в Росії (ISW)",
        "description": "Контур, до якого просунулися українські сили в Росії станом на дату шару, без території, яку ISW оцінював як повернену. До 2024-12-01 називався «Claimed Limit of Ukrainian Advance», потім «Ukrainian Advances in Russia».",
        "labelPeriods": [
          {
            "label": "Заявлена межа українського просування (ISW)",
            "note": "До 2024-12-01 ISW називав цей шар «Claimed Limit of Ukrainian Advance»: межа, якої, за заявою України, було досягнуто, а не територія, яку ISW оцінював як утримувану."
          }
        ]
      },
      "russian_advance_in_russia": {
        "label": "Російське просування в Росії (ISW: повернено)",
        "description": "Територія в Росії, яку, за оцінкою ISW, повернули російські сили; накопичувально. З іншого експорту (останній файл змін на дату або раніше, до 12 днів тому)."
      }
    },
    "measures": {
      "held": {
        "label": "Українське просування (ISW), у Росії",
        "labelPeriods": [
          {
            "label": "Заявлена межа українського просування (ISW), у Росії",
            "note": "До 2024-12-01 ISW називав цей шар «Claimed Limit of Ukrainian Advance»: межа, якої, за заявою України, було досягнуто, а не територія, яку ISW оцінював як утримувану."
          }
        ]
      },
      "held_kursk": {
        "label": "Українське просування (ISW), у Курській області",
        "labelPeriods": [
          {
            "label": "Заявлена межа українського просування (ISW), у Курській області",
            "note": "До 2024-12-01 ISW називав цей шар «Claimed Limit of Ukrainian Advance»: межа, якої, за заявою України, було досягнуто, а не територія, яку ISW оцінював як утримувану."
          }
        ]
      },
      "retaken": {
        "label": "Повернено Росією (ISW), у Росії"
      }
    },
    "clipRegions": {
      "russia": {
        "label": "Росія"
      },
      "kursk_oblast": {
        "label": "Курська область"
      }
    }
  },
  "kursk-nzz": {
    "dataset": {
      "title": "Курська операція, 2024–25 (NZZ)",
      "region": "Курська область (Росія) і прикордоння Сумщини (Україна)",
      "description": "Шар площ мапи України NZZ Visuals, що щодня зберігався в той час (з 2024-08-02 до 2025-04-30); знімок для кожної з 61 дати даних NZZ, коли геометрія в районі змінювалася. Класи NZZ записано з погляду Росії."
    },
    "classes": {
      "ukraine_advance_in_russia": {
        "label": "Втрати Росії: українське просування (NZZ)",
        "description": "Тип NZZ «losses»: територія, яку втратила Росія; у Курській області — зона, яку утримують або куди просунулися українські сили (поточна протяжність). На піку вона охоплює те, що DeepState називає сірою зоною. Що це поточна протяжність — наше прочитання з її розміру; NZZ цього не документує."
      },
      "russian_held": {
        "label": "Утримується Росією, без змін (NZZ)",
        "description": "Тип NZZ «nochange»: контрольована Росією територія, що не змінилася у вікні NZZ; тут лише з українського боку кордону, від 2025-03-12."
      },
      "russian_gain_recent": {
        "label": "Здобутки Росії у вікні NZZ (шар змін)",
        "description": "Тип NZZ «gains»: територія, яку Росія здобула лише в ковзному вікні NZZ (2–15 днів). Шар змін, не накопичувальний: він не має показника площі, і його ніколи не можна підсумовувати за датами."
      }
    },
    "measures": {
      "held": {
        "label": "Українське просування (NZZ «losses»), у Росії"
      },
      "held_kursk": {
        "label": "Українське просування (NZZ «losses»), у Курській області"
      }
    },
    "clipRegions": {
      "russia": {
        "label": "Росія"
      },
      "kursk_oblast": {
        "label": "Курська область"
      }
    }
  },
  "front": {
    "dataset": {
      "title": "Уся лінія фронту, 2022–25 (DeepStateMap, щотижня)",
      "region": "Україна та прилеглі частини Росії",
      "description": "Уся мапа DeepStateMap, остання публікація кожного тижня ISO (UTC), з 2022-04-03 до 2025-08-03: 175 знімків, кожен полігон такий, як його опубліковано (без обрізання). Клас — наше прочитання кольору заливки й підпису DeepState (geodata/front/README.md). Території поза Україною, які DeepState позначає як окуповані, мають власний клас: його не показано, доки його не вибрано, і він не входить у жоден показник."
    },
    "classes": {
      "russian_occupied": {
        "label": "Окуповано Росією з 24 лютого 2022 р.",
        "description": "Заливка DeepState #a52714 («Occupied», на початку 2022 р. «Окуповано»), без підпису «Крим» чи «ОРДЛО»."
      },
      "occupied_before_2022": {
        "label": "Окуповано Росією до 24 лютого 2022 р. (Крим, ОРДЛО)",
        "description": "Заливка DeepState #000000 до 2022-05-15, потім #880e4f: «Крим»/«Occupied Crimea», «Острів Тузла»/«Occupied Tuzla Island», «ОРДЛО»/«CADR and CALR» (частини Донецької та Луганської областей, окуповані з 2014 р.)."
      },
      "liberated": {
        "label": "Звільнено Україною",
        "description": "Заливка DeepState #0f9d58 (зелена), а також #0288d1 — синя, якою DeepState у 2022 р. позначала повернуті території («Звільнено», «Taken back», «Recaptured», «Liberated»)."
      },
      "unknown_status": {
        "label": "Невідомий статус (сіра зона)",
        "description": "Заливки DeepState #bcaaa4, #bdbdbd, #757575: «Unknown status», у 2022 р. «Contested», «In doubt», «Під питанням», «Situation is unknown». Сіра заливка лишається сірою за будь-якого підпису (два сірі полігони жовтня 2024 р. підписано «Liberated»)."
      },
      "ukraine_held_in_russia": {
        "label": "Утримується Україною (у Росії)",
        "description": "Заливка DeepState #01579b з підписом «Liberated» (Курська область, із серпня 2024 р.; уся ця територія лежить у Росії)."
      },
      "occupied_outside_ukraine": {
        "label": "Поза Україною, позначено DeepState як окуповане",
        "description": "Заливка DeepState #ff5252, а також будь-яка заливка з підписом Transnistria/«Придністров’я» (у квітні–травні 2022 р. вона має колір Криму #880e4f): Придністров’я, Абхазія, Цхінвалі, Петсамо, Салла, Карелія, Печори, частини Естонії та Латвії, Східна Пруссія, Ічкерія, південні Курили. Не показано, доки не вибрано; ніколи не входить у показники України."
      }
    },
    "measures": {
      "occupied": {
        "label": "Окуповано Росією в Україні (усе)"
      },
      "occupied_land": {
        "label": "Окуповано Росією в Україні (усе), лише суходіл"
      },
      "occupied_since_2022": {
        "label": "Окуповано з 24 лютого 2022 р."
      },
      "occupied_since_2022_land": {
        "label": "Окуповано з 24 лютого 2022 р., лише суходіл"
      },
      "liberated": {
        "label": "Звільнено Україною"
      },
      "grey_zone": {
        "label": "Сіра зона (невідомий статус) в Україні"
      },
      "held_in_russia": {
        "label": "Утримується Україною, у Росії"
      }
    },
    "clipRegions": {
      "ukraine": {
        "label": "Суходіл України"
      },
      "russia": {
        "label": "Суходіл Росії"
      }
    }
  }
};

const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

function periodsWith(periods: LabelPeriod[] | undefined, texts: (PeriodText | null)[] | undefined): LabelPeriod[] | undefined {
  if (!periods || !texts) return periods;
  return periods.map((p, i) => {
    const t = texts[i];
    return t ? { ...p, translations: { uk: t } } : p;
  });
}

/** A class or measure with its texts: its own translations, and those of its label periods. */
function entryWith<E extends { labelPeriods?: LabelPeriod[] }>(entry: E, texts: { labelPeriods?: (PeriodText | null)[] } | undefined): E {
  if (!texts) return entry;
  const { labelPeriods, ...uk } = texts;
  const periods = periodsWith(entry.labelPeriods, labelPeriods);
  return { ...entry, ...(periods ? { labelPeriods: periods } : {}), ...(Object.keys(uk).length > 0 ? { translations: { uk } } : {}) };
}

/** The manifest with its Ukrainian texts attached (unchanged when the table has none for its id). */
export function withUkrainian<M extends Omit<DatasetManifest, 'snapshots'>>(manifest: M): M {
  const texts = own(UK_TEXTS, manifest.id);
  if (!texts) return manifest;
  return {
    ...manifest,
    ...(texts.dataset ? { translations: { uk: texts.dataset } } : {}),
    classes: manifest.classes.map((c) => entryWith(c, own(texts.classes, c.id))),
    measures: manifest.measures.map((m) => entryWith(m, own(texts.measures, m.id))),
    ...(manifest.clipRegions
      ? {
          clipRegions: Object.fromEntries(
            Object.entries(manifest.clipRegions).map(([id, r]) => {
              const t = own(texts.clipRegions, id);
              return [id, t ? { ...r, translations: { uk: t } } : r];
            }),
          ),
        }
      : {}),
  };
}
