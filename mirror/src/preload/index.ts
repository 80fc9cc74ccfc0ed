// The mirror's preload: the typed `window.vitrine` bridge and nothing else.
import { exposeVitrineBridge } from '@vitrine/shared/desktop/preload';

exposeVitrineBridge();
