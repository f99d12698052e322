"""Written by ``python -m argmap._load.fast_schema``: do not edit. The rewritten schema
of the map (see :mod:`argmap._load.fast_schema`) for the ``_model.py`` of this digest
(another is not used).
"""

# ruff: noqa: E501, SLF001 - written by a program: its lines are as long as they are,
# and it names the model's private validators

from typing import Any

from argmap import _model as m

PYDANTIC_CORE = '2.50.5'
MODEL_SHA256 = 'c4ace9e3fe05b1b4aa9fcdb1f340f7e6452fab8185e6b353b9dd7e4fca3e2194'
CONFIG: dict[str, Any] = {
 'extra_fields_behavior': 'forbid',
 'validate_default': False,
 'str_strip_whitespace': False,
 'validate_by_alias': True,
 'validate_by_name': True,
 'title': 'ArgumentMap',
}


def schema(post_init: dict[str, str]) -> dict[str, Any]:
    """The schema; each model node with ``post_init``'s items (none: no
    ``model_post_init``)."""
    return {
     'type': 'definitions',
     'schema': {
      'type': 'model',
      'cls': m.ArgumentMap,
      'schema': {
       'type': 'model-fields',
       'fields': {
        'schema_': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
          'default': None,
         },
         'validation_alias': '$schema',
         'serialization_alias': '$schema',
        },
        'format': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'literal', 'expected': [1, 2]}},
          'default': None,
         },
        },
        'title': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
        'description': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
          'default': None,
         },
        },
        'authors': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'list', 'items_schema': {'type': 'str'}},
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'license': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
          'default': None,
         },
        },
        'language': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
          'default': None,
         },
        },
        'created': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'date'}},
          'default': None,
         },
        },
        'updated': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'nullable', 'schema': {'type': 'date'}},
          'default': None,
         },
        },
        'subject': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'nullable',
           'schema': {
            'type': 'union',
            'mode': 'left_to_right',
            'choices': [
             {
              'type': 'str',
              'min_length': 1,
              'max_length': 2000,
              'pattern': '^[^\\x00-\\x1f\\x7f]+$',
              'strict': True,
             },
             {
              'type': 'chain',
              'steps': [
               {'type': 'int', 'strict': True},
               {
                'type': 'str',
                'min_length': 1,
                'max_length': 2000,
                'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                'coerce_numbers_to_str': True,
               },
              ],
             },
            ],
           },
          },
          'default': None,
         },
        },
        'sections': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'model',
            'cls': m.Section,
            'schema': {
             'type': 'model-fields',
             'fields': {
              'id': {
               'type': 'model-field',
               'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
              },
              'ignore': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'title': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
              'parent': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'default': None,
               },
              },
              'description': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'data': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'dict',
                 'keys_schema': {'type': 'str'},
                 'values_schema': {'type': 'any'},
                },
                'default_factory': dict,
                'default_factory_takes_data': False,
               },
              },
             },
             'model_name': 'Section',
             'computed_fields': [],
            },
            'custom_init': False,
            'root_model': False,
            **post_init,
            'config': {
             'extra_fields_behavior': 'forbid',
             'validate_default': False,
             'str_strip_whitespace': False,
             'validate_by_alias': True,
             'validate_by_name': True,
             'title': 'Section',
            },
            'ref': 'argmap._model.Section',
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'claims': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'model',
            'cls': m.Claim,
            'schema': {
             'type': 'model-fields',
             'fields': {
              'id': {
               'type': 'model-field',
               'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
              },
              'ignore': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'kind': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'enum',
                 'cls': m.ClaimKind,
                 'members': [
                  m.ClaimKind.THESIS,
                  m.ClaimKind.CLAIM,
                  m.ClaimKind.PREMISE,
                  m.ClaimKind.ASSUMPTION,
                  m.ClaimKind.OBJECTION,
                  m.ClaimKind.ARGUMENT,
                 ],
                 'sub_type': 'str',
                 'ref': 'argmap._model.ClaimKind',
                },
                'default': m.ClaimKind.CLAIM,
               },
              },
              'text': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
              'title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'section': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'default': None,
               },
              },
              'tags': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'list', 'items_schema': {'type': 'str'}},
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'evidence': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'quantities': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {
                  'type': 'model',
                  'cls': m.Quantity,
                  'schema': {
                   'type': 'model-fields',
                   'fields': {
                    'id': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'str',
                      'max_length': 200,
                      'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                     },
                    },
                    'kind': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'enum',
                       'cls': m.QuantityKind,
                       'members': [
                        m.QuantityKind.AMOUNT,
                        m.QuantityKind.COUNT,
                        m.QuantityKind.PERCENT,
                        m.QuantityKind.PERCENTAGE_POINTS,
                        m.QuantityKind.FRACTION,
                        m.QuantityKind.FOLD,
                        m.QuantityKind.RATIO,
                        m.QuantityKind.YEAR,
                        m.QuantityKind.DATE,
                       ],
                       'sub_type': 'str',
                       'ref': 'argmap._model.QuantityKind',
                      },
                      'default': m.QuantityKind.AMOUNT,
                     },
                    },
                    'value': {
                     'type': 'model-field',
                     'schema': {'type': 'decimal', 'allow_inf_nan': False},
                    },
                    'upper': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'decimal', 'allow_inf_nan': False},
                      },
                      'default': None,
                     },
                    },
                    'unit': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                      'default': None,
                     },
                    },
                    'scale': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {
                        'type': 'enum',
                        'cls': m.Scale,
                        'members': [m.Scale.THOUSAND, m.Scale.MILLION, m.Scale.BILLION, m.Scale.TRILLION],
                        'sub_type': 'str',
                        'ref': 'argmap._model.Scale',
                       },
                      },
                      'default': None,
                     },
                    },
                    'qualifier': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'enum',
                       'cls': m.Qualifier,
                       'members': [
                        m.Qualifier.EXACT,
                        m.Qualifier.APPROX,
                        m.Qualifier.OVER,
                        m.Qualifier.UNDER,
                        m.Qualifier.AT_LEAST,
                        m.Qualifier.AT_MOST,
                        m.Qualifier.RANGE,
                       ],
                       'sub_type': 'str',
                       'ref': 'argmap._model.Qualifier',
                      },
                      'default': m.Qualifier.EXACT,
                     },
                    },
                    'period': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {
                        'type': 'union',
                        'mode': 'left_to_right',
                        'choices': [
                         {
                          'type': 'str',
                          'strict': True,
                          'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                         },
                         {
                          'type': 'chain',
                          'steps': [
                           {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                           {'type': 'str', 'coerce_numbers_to_str': True},
                          ],
                         },
                         {
                          'type': 'function-after',
                          'function': {'type': 'no-info', 'function': m._check_period},
                          'schema': {
                           'type': 'union',
                           'mode': 'left_to_right',
                           'choices': [
                            {
                             'type': 'str',
                             'max_length': 21,
                             'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                             'strict': True,
                            },
                            {
                             'type': 'chain',
                             'steps': [
                              {'type': 'int', 'strict': True},
                              {
                               'type': 'str',
                               'max_length': 21,
                               'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                               'coerce_numbers_to_str': True,
                              },
                             ],
                            },
                           ],
                          },
                         },
                        ],
                       },
                      },
                      'default': None,
                     },
                    },
                    'text': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                      'default': None,
                     },
                    },
                   },
                   'model_name': 'Quantity',
                   'computed_fields': [],
                  },
                  'custom_init': False,
                  'root_model': False,
                  **post_init,
                  'config': {
                   'extra_fields_behavior': 'forbid',
                   'validate_default': False,
                   'str_strip_whitespace': False,
                   'validate_by_alias': True,
                   'validate_by_name': True,
                   'title': 'Quantity',
                  },
                  'ref': 'argmap._model.Quantity',
                 },
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'period': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'mode': 'left_to_right',
                  'choices': [
                   {
                    'type': 'str',
                    'strict': True,
                    'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                   },
                   {
                    'type': 'chain',
                    'steps': [
                     {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                     {'type': 'str', 'coerce_numbers_to_str': True},
                    ],
                   },
                   {
                    'type': 'function-after',
                    'function': {'type': 'no-info', 'function': m._check_period},
                    'schema': {
                     'type': 'union',
                     'mode': 'left_to_right',
                     'choices': [
                      {
                       'type': 'str',
                       'max_length': 21,
                       'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                       'strict': True,
                      },
                      {
                       'type': 'chain',
                       'steps': [
                        {'type': 'int', 'strict': True},
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'coerce_numbers_to_str': True,
                        },
                       ],
                      },
                     ],
                    },
                   },
                  ],
                 },
                },
                'default': None,
               },
              },
              'note': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'data': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'dict',
                 'keys_schema': {'type': 'str'},
                 'values_schema': {'type': 'any'},
                },
                'default_factory': dict,
                'default_factory_takes_data': False,
               },
              },
             },
             'model_name': 'Claim',
             'computed_fields': [],
            },
            'custom_init': False,
            'root_model': False,
            **post_init,
            'config': {
             'extra_fields_behavior': 'forbid',
             'validate_default': False,
             'str_strip_whitespace': False,
             'validate_by_alias': True,
             'validate_by_name': True,
             'title': 'Claim',
            },
            'ref': 'argmap._model.Claim',
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'relations': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'model',
            'cls': m.Relation,
            'schema': {
             'type': 'model-fields',
             'fields': {
              'id': {
               'type': 'model-field',
               'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
              },
              'ignore': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'type': {
               'type': 'model-field',
               'schema': {
                'type': 'enum',
                'cls': m.RelationType,
                'members': [
                 m.RelationType.SUPPORTS,
                 m.RelationType.ATTACKS,
                 m.RelationType.UNDERCUTS,
                 m.RelationType.CONTRADICTS,
                 m.RelationType.REPHRASES,
                 m.RelationType.PREFERS,
                ],
                'sub_type': 'str',
                'ref': 'argmap._model.RelationType',
               },
              },
              'from_': {
               'type': 'model-field',
               'schema': {
                'type': 'function-before',
                'function': {'type': 'no-info', 'function': m._one_or_many},
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                 'min_length': 1,
                },
               },
               'validation_alias': 'from',
               'serialization_alias': 'from',
              },
              'to': {
               'type': 'model-field',
               'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
              },
              'linked': {
               'type': 'model-field',
               'schema': {'type': 'default', 'schema': {'type': 'bool'}, 'default': False},
              },
              'scheme': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'label': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'argument': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'default': None,
               },
              },
              'data': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'dict',
                 'keys_schema': {'type': 'str'},
                 'values_schema': {'type': 'any'},
                },
                'default_factory': dict,
                'default_factory_takes_data': False,
               },
              },
             },
             'model_name': 'Relation',
             'computed_fields': [],
            },
            'custom_init': False,
            'root_model': False,
            **post_init,
            'config': {
             'extra_fields_behavior': 'forbid',
             'validate_default': False,
             'str_strip_whitespace': False,
             'validate_by_alias': True,
             'validate_by_name': True,
             'title': 'Relation',
            },
            'ref': 'argmap._model.Relation',
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'evidence': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'model',
            'cls': m.Evidence,
            'schema': {
             'type': 'model-fields',
             'fields': {
              'id': {
               'type': 'model-field',
               'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
              },
              'ignore': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
              'source': {
               'type': 'model-field',
               'schema': {
                'type': 'union',
                'mode': 'left_to_right',
                'choices': [
                 {
                  'type': 'str',
                  'min_length': 1,
                  'max_length': 2000,
                  'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                  'strict': True,
                 },
                 {
                  'type': 'chain',
                  'steps': [
                   {'type': 'int', 'strict': True},
                   {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 2000,
                    'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                    'coerce_numbers_to_str': True,
                   },
                  ],
                 },
                ],
               },
              },
              'via': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'mode': 'left_to_right',
                  'choices': [
                   {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 2000,
                    'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                    'strict': True,
                   },
                   {
                    'type': 'chain',
                    'steps': [
                     {'type': 'int', 'strict': True},
                     {
                      'type': 'str',
                      'min_length': 1,
                      'max_length': 2000,
                      'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                      'coerce_numbers_to_str': True,
                     },
                    ],
                   },
                  ],
                 },
                },
                'default': None,
               },
              },
              'locator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'model',
                  'cls': m.Locator,
                  'schema': {
                   'type': 'model-fields',
                   'fields': {
                    'page': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                    'section': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                      'default': None,
                     },
                    },
                    'paragraph': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                    'footnote': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                    'line': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                    'figure': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                    'table': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                      },
                      'default': None,
                     },
                    },
                   },
                   'model_name': 'Locator',
                   'computed_fields': [],
                  },
                  'custom_init': False,
                  'root_model': False,
                  **post_init,
                  'config': {
                   'extra_fields_behavior': 'forbid',
                   'validate_default': False,
                   'str_strip_whitespace': False,
                   'validate_by_alias': True,
                   'validate_by_name': True,
                   'title': 'Locator',
                  },
                  'ref': 'argmap._model.Locator',
                 },
                },
                'default': None,
               },
              },
              'quote': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'model',
                  'cls': m.TextQuote,
                  'schema': {
                   'type': 'model-fields',
                   'fields': {
                    'exact': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
                    'prefix': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                      'default': None,
                     },
                    },
                    'suffix': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                      'default': None,
                     },
                    },
                   },
                   'model_name': 'TextQuote',
                   'computed_fields': [],
                  },
                  'custom_init': False,
                  'root_model': False,
                  **post_init,
                  'config': {
                   'extra_fields_behavior': 'forbid',
                   'validate_default': False,
                   'str_strip_whitespace': False,
                   'validate_by_alias': True,
                   'validate_by_name': True,
                   'title': 'TextQuote',
                  },
                  'ref': 'argmap._model.TextQuote',
                 },
                },
                'default': None,
               },
              },
              'position': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'model',
                  'cls': m.TextPosition,
                  'schema': {
                   'type': 'model-fields',
                   'fields': {
                    'start': {'type': 'model-field', 'schema': {'type': 'int', 'ge': 0}},
                    'end': {'type': 'model-field', 'schema': {'type': 'int', 'ge': 0}},
                   },
                   'model_name': 'TextPosition',
                   'computed_fields': [],
                  },
                  'custom_init': False,
                  'root_model': False,
                  **post_init,
                  'config': {
                   'extra_fields_behavior': 'forbid',
                   'validate_default': False,
                   'str_strip_whitespace': False,
                   'validate_by_alias': True,
                   'validate_by_name': True,
                   'title': 'TextPosition',
                  },
                  'ref': 'argmap._model.TextPosition',
                 },
                },
                'default': None,
               },
              },
              'period': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'mode': 'left_to_right',
                  'choices': [
                   {
                    'type': 'str',
                    'strict': True,
                    'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                   },
                   {
                    'type': 'chain',
                    'steps': [
                     {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                     {'type': 'str', 'coerce_numbers_to_str': True},
                    ],
                   },
                   {
                    'type': 'function-after',
                    'function': {'type': 'no-info', 'function': m._check_period},
                    'schema': {
                     'type': 'union',
                     'mode': 'left_to_right',
                     'choices': [
                      {
                       'type': 'str',
                       'max_length': 21,
                       'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                       'strict': True,
                      },
                      {
                       'type': 'chain',
                       'steps': [
                        {'type': 'int', 'strict': True},
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'coerce_numbers_to_str': True,
                        },
                       ],
                      },
                     ],
                    },
                   },
                  ],
                 },
                },
                'default': None,
               },
              },
              'note': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
             },
             'model_name': 'Evidence',
             'computed_fields': [],
            },
            'custom_init': False,
            'root_model': False,
            **post_init,
            'config': {
             'extra_fields_behavior': 'forbid',
             'validate_default': False,
             'str_strip_whitespace': False,
             'validate_by_alias': True,
             'validate_by_name': True,
             'title': 'Evidence',
            },
            'ref': 'argmap._model.Evidence',
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'checks': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'tagged-union',
            'choices': {
             'ratio': {
              'type': 'model',
              'cls': m.RatioCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {'type': 'model-field', 'schema': {'type': 'literal', 'expected': ['ratio']}},
                'numerator': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'denominator': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'RatioCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'RatioCheck',
              },
              'ref': 'argmap._model.RatioCheck',
             },
             'fold': {
              'type': 'model',
              'cls': m.FoldCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {'type': 'model-field', 'schema': {'type': 'literal', 'expected': ['fold']}},
                'from_': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                 'validation_alias': 'from',
                 'serialization_alias': 'from',
                },
                'to': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'FoldCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'FoldCheck',
              },
              'ref': 'argmap._model.FoldCheck',
             },
             'share': {
              'type': 'model',
              'cls': m.ShareCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {'type': 'model-field', 'schema': {'type': 'literal', 'expected': ['share']}},
                'part': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'whole': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'ShareCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'ShareCheck',
              },
              'ref': 'argmap._model.ShareCheck',
             },
             'part': {
              'type': 'model',
              'cls': m.PartCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {'type': 'model-field', 'schema': {'type': 'literal', 'expected': ['part']}},
                'whole': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'share': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'PartCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'PartCheck',
              },
              'ref': 'argmap._model.PartCheck',
             },
             'sum': {
              'type': 'model',
              'cls': m.SumCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {'type': 'model-field', 'schema': {'type': 'literal', 'expected': ['sum']}},
                'parts': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'list',
                  'items_schema': {
                   'type': 'str',
                   'max_length': 200,
                   'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                  },
                  'min_length': 1,
                 },
                },
                'total': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'SumCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'SumCheck',
              },
              'ref': 'argmap._model.SumCheck',
             },
             'difference': {
              'type': 'model',
              'cls': m.DifferenceCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {
                 'type': 'model-field',
                 'schema': {'type': 'literal', 'expected': ['difference']},
                },
                'minuend': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'subtrahend': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'DifferenceCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'DifferenceCheck',
              },
              'ref': 'argmap._model.DifferenceCheck',
             },
             'percent-change': {
              'type': 'model',
              'cls': m.PercentChangeCheck,
              'schema': {
               'type': 'model-fields',
               'fields': {
                'id': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'ignore': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'list',
                   'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                  },
                  'default_factory': list,
                  'default_factory_takes_data': False,
                 },
                },
                'claim': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {
                    'type': 'str',
                    'max_length': 200,
                    'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                   },
                  },
                  'default': None,
                 },
                },
                'tolerance': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {
                   'type': 'nullable',
                   'schema': {'type': 'decimal', 'ge': 0, 'allow_inf_nan': False},
                  },
                  'default': None,
                 },
                },
                'note': {
                 'type': 'model-field',
                 'schema': {
                  'type': 'default',
                  'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                  'default': None,
                 },
                },
                'type': {
                 'type': 'model-field',
                 'schema': {'type': 'literal', 'expected': ['percent-change']},
                },
                'from_': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                 'validation_alias': 'from',
                 'serialization_alias': 'from',
                },
                'to': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
                'result': {
                 'type': 'model-field',
                 'schema': {'type': 'str', 'max_length': 200, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]*$'},
                },
               },
               'model_name': 'PercentChangeCheck',
               'computed_fields': [],
              },
              'custom_init': False,
              'root_model': False,
              **post_init,
              'config': {
               'extra_fields_behavior': 'forbid',
               'validate_default': False,
               'str_strip_whitespace': False,
               'validate_by_alias': True,
               'validate_by_name': True,
               'title': 'PercentChangeCheck',
              },
              'ref': 'argmap._model.PercentChangeCheck',
             },
            },
            'discriminator': 'type',
            'strict': False,
            'from_attributes': True,
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'sources': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {
           'type': 'list',
           'items_schema': {
            'type': 'model',
            'cls': m.Source,
            'schema': {
             'type': 'model-fields',
             'fields': {
              'id': {
               'type': 'model-field',
               'schema': {
                'type': 'union',
                'mode': 'left_to_right',
                'choices': [
                 {
                  'type': 'str',
                  'min_length': 1,
                  'max_length': 2000,
                  'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                  'strict': True,
                 },
                 {
                  'type': 'chain',
                  'steps': [
                   {'type': 'int', 'strict': True},
                   {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 2000,
                    'pattern': '^[^\\x00-\\x1f\\x7f]+$',
                    'coerce_numbers_to_str': True,
                   },
                  ],
                 },
                ],
               },
              },
              'type': {
               'type': 'model-field',
               'schema': {'type': 'default', 'schema': {'type': 'str'}, 'default': 'document'},
              },
              'title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'author': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'editor': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'issued': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
              },
              'accessed': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
              },
              'url': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'URL',
               'serialization_alias': 'URL',
              },
              'doi': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'DOI',
               'serialization_alias': 'DOI',
              },
              'isbn': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'ISBN',
               'serialization_alias': 'ISBN',
              },
              'container_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'container-title',
               'serialization_alias': 'container-title',
              },
              'collection_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'collection-title',
               'serialization_alias': 'collection-title',
              },
              'publisher': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'publisher_place': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'publisher-place',
               'serialization_alias': 'publisher-place',
              },
              'number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'volume': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'issue': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'page': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'language': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'note': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'abstract': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'citation_key': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'citation-key',
               'serialization_alias': 'citation-key',
              },
              'categories': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'list', 'items_schema': {'type': 'str'}},
                },
                'default': None,
               },
              },
              'journal_abbreviation': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'journalAbbreviation',
               'serialization_alias': 'journalAbbreviation',
              },
              'short_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'shortTitle',
               'serialization_alias': 'shortTitle',
              },
              'chair': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'collection_editor': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'collection-editor',
               'serialization_alias': 'collection-editor',
              },
              'compiler': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'composer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'container_author': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'container-author',
               'serialization_alias': 'container-author',
              },
              'contributor': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'curator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'director': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'editorial_director': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'editorial-director',
               'serialization_alias': 'editorial-director',
              },
              'executive_producer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'executive-producer',
               'serialization_alias': 'executive-producer',
              },
              'guest': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'host': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'interviewer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'illustrator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'narrator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'organizer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'original_author': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'original-author',
               'serialization_alias': 'original-author',
              },
              'performer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'producer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'recipient': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'reviewed_author': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'reviewed-author',
               'serialization_alias': 'reviewed-author',
              },
              'script_writer': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'script-writer',
               'serialization_alias': 'script-writer',
              },
              'series_creator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
               'validation_alias': 'series-creator',
               'serialization_alias': 'series-creator',
              },
              'translator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'list',
                  'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslName'},
                 },
                },
                'default': None,
               },
              },
              'available_date': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
               'validation_alias': 'available-date',
               'serialization_alias': 'available-date',
              },
              'event_date': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
               'validation_alias': 'event-date',
               'serialization_alias': 'event-date',
              },
              'original_date': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
               'validation_alias': 'original-date',
               'serialization_alias': 'original-date',
              },
              'submitted': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'union',
                  'choices': [
                   {
                    'type': 'union',
                    'mode': 'left_to_right',
                    'choices': [
                     {
                      'type': 'str',
                      'strict': True,
                      'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2]))?$|^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$',
                     },
                     {
                      'type': 'chain',
                      'steps': [
                       {'type': 'int', 'strict': True, 'ge': 1000, 'le': 9999},
                       {'type': 'str', 'coerce_numbers_to_str': True},
                      ],
                     },
                     {
                      'type': 'function-after',
                      'function': {'type': 'no-info', 'function': m._check_period},
                      'schema': {
                       'type': 'union',
                       'mode': 'left_to_right',
                       'choices': [
                        {
                         'type': 'str',
                         'max_length': 21,
                         'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                         'strict': True,
                        },
                        {
                         'type': 'chain',
                         'steps': [
                          {'type': 'int', 'strict': True},
                          {
                           'type': 'str',
                           'max_length': 21,
                           'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?(/\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?)?$',
                           'coerce_numbers_to_str': True,
                          },
                         ],
                        },
                       ],
                      },
                     },
                    ],
                   },
                   {'type': 'definition-ref', 'schema_ref': 'argmap._model.CslDate'},
                  ],
                 },
                },
                'default': None,
               },
              },
              'annote': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'archive': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'archive_collection': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'archive_location': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'archive_place': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'archive-place',
               'serialization_alias': 'archive-place',
              },
              'authority': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'call_number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'call-number',
               'serialization_alias': 'call-number',
              },
              'chapter_number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'chapter-number',
               'serialization_alias': 'chapter-number',
              },
              'citation_number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'citation-number',
               'serialization_alias': 'citation-number',
              },
              'citation_label': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'citation-label',
               'serialization_alias': 'citation-label',
              },
              'collection_number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'collection-number',
               'serialization_alias': 'collection-number',
              },
              'container_title_short': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'container-title-short',
               'serialization_alias': 'container-title-short',
              },
              'dimensions': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'division': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'edition': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'event': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'event_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'event-title',
               'serialization_alias': 'event-title',
              },
              'event_place': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'event-place',
               'serialization_alias': 'event-place',
              },
              'first_reference_note_number': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'first-reference-note-number',
               'serialization_alias': 'first-reference-note-number',
              },
              'genre': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'issn': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'ISSN',
               'serialization_alias': 'ISSN',
              },
              'jurisdiction': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'keyword': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'locator': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'medium': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'number_of_pages': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'number-of-pages',
               'serialization_alias': 'number-of-pages',
              },
              'number_of_volumes': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'number-of-volumes',
               'serialization_alias': 'number-of-volumes',
              },
              'original_publisher': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'original-publisher',
               'serialization_alias': 'original-publisher',
              },
              'original_publisher_place': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'original-publisher-place',
               'serialization_alias': 'original-publisher-place',
              },
              'original_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'original-title',
               'serialization_alias': 'original-title',
              },
              'page_first': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
               'validation_alias': 'page-first',
               'serialization_alias': 'page-first',
              },
              'part': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'part_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'part-title',
               'serialization_alias': 'part-title',
              },
              'pmcid': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'PMCID',
               'serialization_alias': 'PMCID',
              },
              'pmid': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'PMID',
               'serialization_alias': 'PMID',
              },
              'printing': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'references': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'reviewed_genre': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'reviewed-genre',
               'serialization_alias': 'reviewed-genre',
              },
              'reviewed_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'reviewed-title',
               'serialization_alias': 'reviewed-title',
              },
              'scale': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'section': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'source': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'status': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'supplement': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}]},
                },
                'default': None,
               },
              },
              'title_short': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'title-short',
               'serialization_alias': 'title-short',
              },
              'version': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
              },
              'volume_title': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'volume-title',
               'serialization_alias': 'volume-title',
              },
              'volume_title_short': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'volume-title-short',
               'serialization_alias': 'volume-title-short',
              },
              'year_suffix': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
                'default': None,
               },
               'validation_alias': 'year-suffix',
               'serialization_alias': 'year-suffix',
              },
              'custom': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'dict',
                  'keys_schema': {'type': 'str'},
                  'values_schema': {'type': 'any'},
                 },
                },
                'default': None,
               },
              },
              'snapshot': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'nullable',
                 'schema': {
                  'type': 'model',
                  'cls': m.Snapshot,
                  'schema': {
                   'type': 'model-fields',
                   'fields': {
                    'path': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
                    'sha256': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {
                       'type': 'nullable',
                       'schema': {'type': 'str', 'pattern': '^[0-9a-f]{64}$'},
                      },
                      'default': None,
                     },
                    },
                    'retrieved': {
                     'type': 'model-field',
                     'schema': {
                      'type': 'default',
                      'schema': {'type': 'nullable', 'schema': {'type': 'date'}},
                      'default': None,
                     },
                    },
                   },
                   'model_name': 'Snapshot',
                   'computed_fields': [],
                  },
                  'custom_init': False,
                  'root_model': False,
                  **post_init,
                  'config': {
                   'extra_fields_behavior': 'forbid',
                   'validate_default': False,
                   'str_strip_whitespace': False,
                   'validate_by_alias': True,
                   'validate_by_name': True,
                   'title': 'Snapshot',
                  },
                  'ref': 'argmap._model.Snapshot',
                 },
                },
                'default': None,
               },
              },
              'ignore': {
               'type': 'model-field',
               'schema': {
                'type': 'default',
                'schema': {
                 'type': 'list',
                 'items_schema': {'type': 'definition-ref', 'schema_ref': 'argmap._model.Suppression'},
                },
                'default_factory': list,
                'default_factory_takes_data': False,
               },
              },
             },
             'model_name': 'Source',
             'computed_fields': [],
            },
            'custom_init': False,
            'root_model': False,
            **post_init,
            'config': {
             'extra_fields_behavior': 'allow',
             'validate_default': False,
             'str_strip_whitespace': False,
             'validate_by_alias': True,
             'validate_by_name': True,
             'title': 'Source',
            },
            'ref': 'argmap._model.Source',
           },
          },
          'default_factory': list,
          'default_factory_takes_data': False,
         },
        },
        'data': {
         'type': 'model-field',
         'schema': {
          'type': 'default',
          'schema': {'type': 'dict', 'keys_schema': {'type': 'str'}, 'values_schema': {'type': 'any'}},
          'default_factory': dict,
          'default_factory_takes_data': False,
         },
        },
       },
       'model_name': 'ArgumentMap',
       'computed_fields': [],
      },
      'custom_init': False,
      'root_model': False,
      **post_init,
      'config': {
       'extra_fields_behavior': 'forbid',
       'validate_default': False,
       'str_strip_whitespace': False,
       'validate_by_alias': True,
       'validate_by_name': True,
       'title': 'ArgumentMap',
      },
      'ref': 'argmap._model.ArgumentMap',
     },
     'definitions': [
      {
       'type': 'model',
       'cls': m.Suppression,
       'schema': {
        'type': 'model-fields',
        'fields': {
         'code': {'type': 'model-field', 'schema': {'type': 'str', 'pattern': '^AM\\d{3}$'}},
         'target': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str', 'min_length': 1}},
           'default': None,
          },
         },
         'reason': {'type': 'model-field', 'schema': {'type': 'str', 'min_length': 1}},
        },
        'model_name': 'Suppression',
        'computed_fields': [],
       },
       'custom_init': False,
       'root_model': False,
       **post_init,
       'config': {
        'extra_fields_behavior': 'forbid',
        'validate_default': False,
        'str_strip_whitespace': False,
        'validate_by_alias': True,
        'validate_by_name': True,
        'title': 'Suppression',
       },
       'ref': 'argmap._model.Suppression',
      },
      {
       'type': 'model',
       'cls': m.CslName,
       'schema': {
        'type': 'model-fields',
        'fields': {
         'family': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'given': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'literal': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'suffix': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'dropping_particle': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
          'validation_alias': 'dropping-particle',
          'serialization_alias': 'dropping-particle',
         },
         'non_dropping_particle': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
          'validation_alias': 'non-dropping-particle',
          'serialization_alias': 'non-dropping-particle',
         },
         'comma_suffix': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}, {'type': 'bool'}]},
           },
           'default': None,
          },
          'validation_alias': 'comma-suffix',
          'serialization_alias': 'comma-suffix',
         },
         'static_ordering': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}, {'type': 'bool'}]},
           },
           'default': None,
          },
          'validation_alias': 'static-ordering',
          'serialization_alias': 'static-ordering',
         },
         'parse_names': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {'type': 'union', 'choices': [{'type': 'str'}, {'type': 'int'}, {'type': 'bool'}]},
           },
           'default': None,
          },
          'validation_alias': 'parse-names',
          'serialization_alias': 'parse-names',
         },
        },
        'model_name': 'CslName',
        'computed_fields': [],
       },
       'custom_init': False,
       'root_model': False,
       **post_init,
       'config': {
        'extra_fields_behavior': 'allow',
        'validate_default': False,
        'str_strip_whitespace': False,
        'validate_by_alias': True,
        'validate_by_name': True,
        'title': 'CslName',
       },
       'ref': 'argmap._model.CslName',
      },
      {
       'type': 'model',
       'cls': m.CslDate,
       'schema': {
        'type': 'model-fields',
        'fields': {
         'date_parts': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {
             'type': 'list',
             'items_schema': {
              'type': 'list',
              'items_schema': {'type': 'union', 'choices': [{'type': 'int'}, {'type': 'str'}]},
             },
            },
           },
           'default': None,
          },
          'validation_alias': 'date-parts',
          'serialization_alias': 'date-parts',
         },
         'literal': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'raw': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {'type': 'nullable', 'schema': {'type': 'str'}},
           'default': None,
          },
         },
         'season': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {'type': 'union', 'choices': [{'type': 'int'}, {'type': 'str'}]},
           },
           'default': None,
          },
         },
         'circa': {
          'type': 'model-field',
          'schema': {
           'type': 'default',
           'schema': {
            'type': 'nullable',
            'schema': {'type': 'union', 'choices': [{'type': 'bool'}, {'type': 'int'}, {'type': 'str'}]},
           },
           'default': None,
          },
         },
        },
        'model_name': 'CslDate',
        'computed_fields': [],
       },
       'custom_init': False,
       'root_model': False,
       **post_init,
       'config': {
        'extra_fields_behavior': 'allow',
        'validate_default': False,
        'str_strip_whitespace': False,
        'validate_by_alias': True,
        'validate_by_name': True,
        'title': 'CslDate',
       },
       'ref': 'argmap._model.CslDate',
      },
     ],
    }


def __getattr__(name: str) -> Any:
    """``SCHEMA``, the schema with ``model_post_init``, built when first read: a map
    under ``SHARE_NAMES_FROM_ITEMS`` items is validated without it."""
    if name != "SCHEMA":
        raise AttributeError(name)
    built = globals()[name] = schema({'post_init': 'model_post_init'})
    return built
