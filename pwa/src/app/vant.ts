import type { App } from 'vue'
import {
  ActionSheet,
  Badge,
  Button,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  Collapse,
  CollapseItem,
  Empty,
  Field,
  Icon,
  Loading,
  NoticeBar,
  Popup,
  Radio,
  RadioGroup,
  Switch,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
} from 'vant'
import 'vant/es/style/base.css'
import 'vant/es/action-sheet/style/index'
import 'vant/es/badge/style/index'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/checkbox/style/index'
import 'vant/es/checkbox-group/style/index'
import 'vant/es/collapse/style/index'
import 'vant/es/collapse-item/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/notice-bar/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/radio/style/index'
import 'vant/es/radio-group/style/index'
import 'vant/es/switch/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/dialog/style/index'
import 'vant/es/toast/style/index'

/** Registers only the Vant components the app uses, so the rest stays out of the bundle. */
export function installVant(app: App): void {
  for (const component of [
    ActionSheet,
    Badge,
    Button,
    Cell,
    CellGroup,
    Checkbox,
    CheckboxGroup,
    Collapse,
    CollapseItem,
    Empty,
    Field,
    Icon,
    Loading,
    NoticeBar,
    Popup,
    Radio,
    RadioGroup,
    Switch,
    Tab,
    Tabbar,
    TabbarItem,
    Tabs,
    Tag,
  ]) {
    app.use(component)
  }
}
